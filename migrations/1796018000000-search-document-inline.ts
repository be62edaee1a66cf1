import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each search_document tsvector in its row instead of TOAST. A story's tsvector is about
 * 2.7 KB and pglz cannot shrink it, so with the default (EXTENDED) every one sat in two TOAST chunks,
 * and ranking a search's 100 candidates paid a TOAST index lookup and two chunk reads per candidate
 * (about 4 µs each, a third of the ranking time). MAIN keeps it inline (a row then fills about a
 * third of a page; a tsvector too big for a page still goes to TOAST).
 *
 * Only rows written from now on are stored this way; `npm run search:reindex` (or VACUUM FULL
 * search_document) moves the existing ones, which stay readable as they are meanwhile.
 */
export class SearchDocumentInline1796018000000 implements MigrationInterface {
  name = 'SearchDocumentInline1796018000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "search_document" ALTER COLUMN "document" SET STORAGE MAIN`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "search_document" ALTER COLUMN "document" SET STORAGE EXTENDED`);
  }
}
