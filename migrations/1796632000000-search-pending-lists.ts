import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Short GIN pending lists for the search indexes. A GIN index takes new entries into an unsorted
 * pending list and merges them into the index once the list passes gin_pending_list_limit (4 MB by
 * default); until then every search reads the whole list. Grown story by story, the lists held up
 * to 500 pages: with 212 of them, a search cost 1.1 to 1.9 ms more PostgreSQL time than with none.
 * At 256 kB a search reads at most 32 pending pages (about 0.2 ms), and merging more often costs
 * each story indexed (working copy and live version) about 0.07 ms more. At 64 kB, the least
 * allowed, it cost 0.28 ms; with fastupdate off, where every write merges its own ~300 words, 0.75 ms.
 */
export class SearchPendingLists1796632000000 implements MigrationInterface {
  name = 'SearchPendingLists1796632000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.query(`ALTER INDEX "${index}" SET (gin_pending_list_limit = 256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.query(`ALTER INDEX "${index}" RESET (gin_pending_list_limit)`);
  }
}

const INDEXES = ['idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm'];
