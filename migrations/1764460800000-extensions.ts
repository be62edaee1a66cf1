import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pgcrypto for gen_random_uuid(), pg_trgm for substring and typo-tolerant search. */
export class Extensions1764460800000 implements MigrationInterface {
  name = 'Extensions1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
    await q.query('DROP EXTENSION IF EXISTS pgcrypto');
  }
}
