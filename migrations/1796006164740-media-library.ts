import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MediaLibrary1796006164740 implements MigrationInterface {
  name = 'MediaLibrary1796006164740';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "media_asset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL DEFAULT 'image', "status" text NOT NULL, "storage_key" text, "original_filename" text, "mime" text, "bytes" integer, "width" integer, "height" integer, "sha256" text, "renditions" jsonb NOT NULL DEFAULT '[]', "title" text, "caption" text, "credit" text, "creator" text, "copyright" text, "source" text, "alt_text" text, "usage_terms" text, "focal_point" jsonb, "captured_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_facd363e2bf84400ac44913a2f3" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_media_status" ON "media_asset"  ("status") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_media_status"`);
    await q.query(`DROP TABLE "media_asset"`);
  }
}
