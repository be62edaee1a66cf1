import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported pages by content hash, so importing a page again creates nothing (see src/importer/import.service.ts). */
export class ImportRecords1796008796586 implements MigrationInterface {
  name = 'ImportRecords1796008796586';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "import_record" ("content_hash" text NOT NULL, "filename" text, "article_id" uuid, "teaser_article_ids" uuid array NOT NULL DEFAULT '{}', "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, CONSTRAINT "pk_import_record" PRIMARY KEY ("content_hash"))`,
    );
    await q.query(`CREATE INDEX "idx_import_record_article" ON "import_record" ("article_id")`);
    await q.query(
      `ALTER TABLE "import_record" ADD CONSTRAINT "fk_import_record_article" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "import_record" ADD CONSTRAINT "fk_import_record_actor" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_record" DROP CONSTRAINT "fk_import_record_actor"`);
    await q.query(`ALTER TABLE "import_record" DROP CONSTRAINT "fk_import_record_article"`);
    await q.query(`DROP INDEX "public"."idx_import_record_article"`);
    await q.query(`DROP TABLE "import_record"`);
  }
}
