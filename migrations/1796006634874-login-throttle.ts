import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed-login counters shared by every app process (see src/auth/login-throttle.service.ts). */
export class LoginThrottle1796006634874 implements MigrationInterface {
  name = 'LoginThrottle1796006634874';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_attempt" ("key" text NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2b7decd11c28ffdfdde28e05382" PRIMARY KEY ("key"))`,
    );
    await q.query(`CREATE INDEX "idx_login_attempt_window" ON "login_attempt"  ("window_started_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_login_attempt_window"`);
    await q.query(`DROP TABLE "login_attempt"`);
  }
}
