import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds the sessions that ended recently (a refresh token revoked without a replacement) without
 * scanning the table: every process loads them at start and after reconnecting (src/auth/ended-sessions.service.ts).
 */
export class SessionEnds1796619490260 implements MigrationInterface {
  name = 'SessionEnds1796619490260';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_refresh_token_session_end" ON "refresh_token" ("revoked_at") WHERE "replaced_by_id" IS NULL AND "revoked_at" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_refresh_token_session_end"`);
  }
}
