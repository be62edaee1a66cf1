import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Growing delays between login attempts past a limit, instead of a lock (src/auth/login-throttle.ts). */
export class LoginDelays1796619490261 implements MigrationInterface {
  name = 'LoginDelays1796619490261';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_attempt" ADD "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_attempt" DROP COLUMN "last_attempt_at"`);
  }
}
