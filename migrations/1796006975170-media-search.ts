import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The photo library's list: newest first by (created_at, id), and substring search over caption,
 * credit, creator and title through a trigram index (works for Chinese; the expression must match
 * SEARCH_TEXT in src/media/media.repository.ts).
 */
export class MediaSearch1796006975170 implements MigrationInterface {
  name = 'MediaSearch1796006975170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_media_created" ON "media_asset"  ("created_at", "id") `);
    await q.query(
      `CREATE INDEX "idx_media_search_trgm" ON "media_asset" USING gin ((coalesce(caption, '') || ' ' || coalesce(credit, '') || ' ' || coalesce(creator, '') || ' ' || coalesce(title, '')) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_media_search_trgm"`);
    await q.query(`DROP INDEX "public"."idx_media_created"`);
  }
}
