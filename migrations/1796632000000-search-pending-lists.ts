import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Short GIN pending lists for the search indexes. A GIN index takes new entries into an unsorted
 * pending list and merges them into the index once the list passes gin_pending_list_limit (4 MB by
 * default); until then every search reads the whole list. With stories indexed one by one the list
 * held up to 500 pages, about 1.5 ms of PostgreSQL time per search. At 64 kB (the least allowed) a
 * search reads at most 8 pages, and merging takes a little more of each write (about 0.1 ms a
 * story). With fastupdate off instead, every write merges its own ~300 words: twice that again.
 */
export class SearchPendingLists1796632000000 implements MigrationInterface {
  name = 'SearchPendingLists1796632000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.query(`ALTER INDEX "${index}" SET (gin_pending_list_limit = 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.query(`ALTER INDEX "${index}" RESET (gin_pending_list_limit)`);
  }
}

const INDEXES = ['idx_search_document_public_tsv', 'idx_search_document_admin_tsv', 'idx_search_document_headline_trgm'];
