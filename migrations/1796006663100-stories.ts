import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sections, stories with their immutable revisions, the photos they use, and the reader's view of
 * every live story (published_article). Indexes TypeORM cannot declare (partial, DESC, GIN) are at the end.
 */
export class Stories1796006663100 implements MigrationInterface {
  name = 'Stories1796006663100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "parent_id" uuid, "description" text, "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_category_slug" ON "category"  ("slug") `);
    await q.query(`CREATE INDEX "idx_category_parent" ON "category"  ("parent_id") `);
    await q.query(
      `CREATE TABLE "article" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "headline" text NOT NULL, "subheadline" text, "dateline" text, "language" text NOT NULL, "body" jsonb NOT NULL DEFAULT '[]', "excerpt" text, "featured_image" jsonb, "category_id" uuid, "tags" text array NOT NULL DEFAULT '{}', "author_ids" uuid array NOT NULL DEFAULT '{}', "byline" text, "current_revision" integer NOT NULL DEFAULT '1', "published_revision" integer, "published_at" TIMESTAMP WITH TIME ZONE, "live_updated_at" TIMESTAMP WITH TIME ZONE, "scheduled_at" TIMESTAMP WITH TIME ZONE, "embargo_until" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "source" jsonb, "review_note" jsonb, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_article_status" CHECK ("status" IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived')), CONSTRAINT "PK_40808690eb7b915046558c0f81b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_article_category" ON "article"  ("category_id") `);
    await q.query(`CREATE INDEX "idx_article_created_by" ON "article"  ("created_by_id") `);
    await q.query(`CREATE INDEX "idx_article_updated" ON "article"  ("updated_at", "id") `);
    await q.query(`CREATE INDEX "idx_article_status_updated" ON "article"  ("status", "updated_at") `);
    await q.query(
      `CREATE TABLE "article_media" ("article_id" uuid NOT NULL, "media_id" uuid NOT NULL, "published" boolean NOT NULL, CONSTRAINT "PK_a060144c389b9dadd0c1e251633" PRIMARY KEY ("article_id", "media_id", "published"))`,
    );
    await q.query(`CREATE INDEX "idx_article_media_media" ON "article_media"  ("media_id") `);
    await q.query(
      `CREATE TABLE "article_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "number" integer NOT NULL, "snapshot" jsonb NOT NULL, "reason" text NOT NULL, "note" text, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_article_revision_number" UNIQUE ("article_id", "number"), CONSTRAINT "chk_article_revision_reason" CHECK ("reason" IN ('create', 'save', 'submit', 'publish', 'restore', 'import')), CONSTRAINT "PK_8ba7e2fe48e891064c6d4b4ef20" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "published_article" ("article_id" uuid NOT NULL, "slug" text NOT NULL, "headline" text NOT NULL, "subheadline" text, "dateline" text, "language" text NOT NULL, "body" jsonb NOT NULL, "excerpt" text, "featured_image" jsonb, "category_id" uuid, "tags" text array NOT NULL DEFAULT '{}', "authors" jsonb NOT NULL DEFAULT '[]', "byline" text, "published_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dace2a3fc0798f976a37af7813c" PRIMARY KEY ("article_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_published_article_slug" ON "published_article"  ("slug") `);
    await q.query(
      `ALTER TABLE "category" ADD CONSTRAINT "fk_category_parent" FOREIGN KEY ("parent_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "article" ADD CONSTRAINT "fk_article_category" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "article" ADD CONSTRAINT "fk_article_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "article_media" ADD CONSTRAINT "fk_article_media_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "article_media" ADD CONSTRAINT "fk_article_media_media" FOREIGN KEY ("media_id") REFERENCES "media_asset"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "article_revision" ADD CONSTRAINT "fk_article_revision_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "published_article" ADD CONSTRAINT "fk_published_article_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "published_article" ADD CONSTRAINT "fk_published_article_category" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // Hand-written (declared with synchronize: false on the entities).
    await q.query(`CREATE UNIQUE INDEX "uq_article_slug_live" ON "article" ("slug") WHERE "deleted_at" IS NULL`);
    await q.query(`CREATE INDEX "idx_article_due" ON "article" ("scheduled_at") WHERE "status" = 'scheduled'`);
    await q.query(`CREATE INDEX "idx_published_article_recent" ON "published_article" ("published_at" DESC, "article_id" DESC)`);
    await q.query(
      `CREATE INDEX "idx_published_article_category_recent" ON "published_article" ("category_id", "published_at" DESC, "article_id" DESC)`,
    );
    await q.query(`CREATE INDEX "idx_published_article_tags" ON "published_article" USING GIN ("tags")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_published_article_tags"`);
    await q.query(`DROP INDEX "public"."idx_published_article_category_recent"`);
    await q.query(`DROP INDEX "public"."idx_published_article_recent"`);
    await q.query(`DROP INDEX "public"."idx_article_due"`);
    await q.query(`DROP INDEX "public"."uq_article_slug_live"`);
    await q.query(`ALTER TABLE "published_article" DROP CONSTRAINT "fk_published_article_category"`);
    await q.query(`ALTER TABLE "published_article" DROP CONSTRAINT "fk_published_article_article"`);
    await q.query(`ALTER TABLE "article_revision" DROP CONSTRAINT "fk_article_revision_article"`);
    await q.query(`ALTER TABLE "article_media" DROP CONSTRAINT "fk_article_media_media"`);
    await q.query(`ALTER TABLE "article_media" DROP CONSTRAINT "fk_article_media_article"`);
    await q.query(`ALTER TABLE "article" DROP CONSTRAINT "fk_article_created_by"`);
    await q.query(`ALTER TABLE "article" DROP CONSTRAINT "fk_article_category"`);
    await q.query(`ALTER TABLE "category" DROP CONSTRAINT "fk_category_parent"`);
    await q.query(`DROP INDEX "public"."uq_published_article_slug"`);
    await q.query(`DROP TABLE "published_article"`);
    await q.query(`DROP TABLE "article_revision"`);
    await q.query(`DROP INDEX "public"."idx_article_media_media"`);
    await q.query(`DROP TABLE "article_media"`);
    await q.query(`DROP INDEX "public"."idx_article_status_updated"`);
    await q.query(`DROP INDEX "public"."idx_article_updated"`);
    await q.query(`DROP INDEX "public"."idx_article_created_by"`);
    await q.query(`DROP INDEX "public"."idx_article_category"`);
    await q.query(`DROP TABLE "article"`);
    await q.query(`DROP INDEX "public"."idx_category_parent"`);
    await q.query(`DROP INDEX "public"."uq_category_slug"`);
    await q.query(`DROP TABLE "category"`);
  }
}
