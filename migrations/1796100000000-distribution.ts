import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distribution: per-story SEO overrides and corrections (working copy and live version), the
 * `correction` revision reason, an index of embargoed stories (their photos stay private), and
 * preview grants (revocable preview links).
 */
export class Distribution1796100000000 implements MigrationInterface {
  name = 'Distribution1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "article" ADD "seo_title" text, ADD "seo_description" text, ADD "canonical_url" text, ADD "social_image" uuid, ADD "corrections" jsonb NOT NULL DEFAULT '[]'`,
    );
    await q.query(
      `ALTER TABLE "published_article" ADD "seo_title" text, ADD "seo_description" text, ADD "canonical_url" text, ADD "social_image" jsonb, ADD "corrections" jsonb NOT NULL DEFAULT '[]'`,
    );
    await q.query(`ALTER TABLE "article_revision" DROP CONSTRAINT "chk_article_revision_reason"`);
    await q.query(
      `ALTER TABLE "article_revision" ADD CONSTRAINT "chk_article_revision_reason" CHECK ("reason" IN ('create', 'save', 'submit', 'publish', 'restore', 'import', 'correction'))`,
    );
    await q.query(`CREATE INDEX "idx_article_embargoed" ON "article" ("embargo_until") WHERE "embargo_until" IS NOT NULL AND "deleted_at" IS NULL`);
    await q.query(
      `CREATE TABLE "preview_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "created_by_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_preview_grant" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_preview_grant_article" ON "preview_grant" ("article_id") `);
    await q.query(
      `ALTER TABLE "preview_grant" ADD CONSTRAINT "fk_preview_grant_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "preview_grant" ADD CONSTRAINT "fk_preview_grant_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "preview_grant" DROP CONSTRAINT "fk_preview_grant_created_by"`);
    await q.query(`ALTER TABLE "preview_grant" DROP CONSTRAINT "fk_preview_grant_article"`);
    await q.query(`DROP INDEX "public"."idx_preview_grant_article"`);
    await q.query(`DROP TABLE "preview_grant"`);
    await q.query(`DROP INDEX "public"."idx_article_embargoed"`);
    await q.query(`DELETE FROM "article_revision" WHERE "reason" = 'correction'`);
    await q.query(`ALTER TABLE "article_revision" DROP CONSTRAINT "chk_article_revision_reason"`);
    await q.query(
      `ALTER TABLE "article_revision" ADD CONSTRAINT "chk_article_revision_reason" CHECK ("reason" IN ('create', 'save', 'submit', 'publish', 'restore', 'import'))`,
    );
    await q.query(
      `ALTER TABLE "published_article" DROP COLUMN "corrections", DROP COLUMN "social_image", DROP COLUMN "canonical_url", DROP COLUMN "seo_description", DROP COLUMN "seo_title"`,
    );
    await q.query(
      `ALTER TABLE "article" DROP COLUMN "corrections", DROP COLUMN "social_image", DROP COLUMN "canonical_url", DROP COLUMN "seo_description", DROP COLUMN "seo_title"`,
    );
  }
}
