import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index: one weighted tsvector per story and scope (public = published snapshot, admin =
 * working copy), segmented by Masthead's tokenizer, with a GIN index per scope for the token search
 * and a trigram GIN index on the folded headline for the substring/typo fallback.
 */
export class Search1796007308701 implements MigrationInterface {
  name = 'Search1796007308701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "search_document" ("article_id" uuid NOT NULL, "scope" text NOT NULL, "document" tsvector NOT NULL, "headline_folded" text NOT NULL, "sort_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "indexed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_search_document_scope" CHECK ("scope" IN ('admin', 'public')), CONSTRAINT "PK_f3d3dde130d9aaea9d16a0e2af7" PRIMARY KEY ("article_id", "scope"))`);
    await q.query(`ALTER TABLE "search_document" ADD CONSTRAINT "fk_search_document_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written (declared with synchronize: false on the entity).
    await q.query(`CREATE INDEX "idx_search_document_public_tsv" ON "search_document" USING GIN ("document") WHERE "scope" = 'public'`);
    await q.query(`CREATE INDEX "idx_search_document_admin_tsv" ON "search_document" USING GIN ("document") WHERE "scope" = 'admin'`);
    await q.query(`CREATE INDEX "idx_search_document_headline_trgm" ON "search_document" USING GIN ("headline_folded" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_search_document_headline_trgm"`);
    await q.query(`DROP INDEX "public"."idx_search_document_admin_tsv"`);
    await q.query(`DROP INDEX "public"."idx_search_document_public_tsv"`);
    await q.query(`ALTER TABLE "search_document" DROP CONSTRAINT "fk_search_document_article"`);
    await q.query(`DROP TABLE "search_document"`);
  }
}
