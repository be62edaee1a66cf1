import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets housekeeping find expired refresh tokens without scanning the table (see src/housekeeping/). */
export class RefreshTokenExpiry1796017163898 implements MigrationInterface {
  name = 'RefreshTokenExpiry1796017163898';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_refresh_token_expires" ON "refresh_token" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_refresh_token_expires"`);
  }
}
