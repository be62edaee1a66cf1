import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints and their outbox / delivery log (see src/distribution/webhooks/), and the
 * permission to manage them, granted to the built-in admin role.
 */
export class Webhooks1796623129365 implements MigrationInterface {
  name = 'Webhooks1796623129365';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "webhook_endpoint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "description" text, "events" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "secret" text NOT NULL, "previous_secret" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_webhook_endpoint_events" CHECK (cardinality("events") > 0), CONSTRAINT "pk_webhook_endpoint" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_type" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "manual" boolean NOT NULL DEFAULT false, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "response_status" integer, "latency_ms" integer, "last_error" text, "response_excerpt" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_webhook_delivery_status" CHECK ("status" IN ('pending', 'delivered', 'failed')), CONSTRAINT "pk_webhook_delivery" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_webhook_delivery_created" ON "webhook_delivery"  ("created_at") `);
    await q.query(`CREATE INDEX "idx_webhook_delivery_endpoint_log" ON "webhook_delivery"  ("endpoint_id", "created_at", "id") `);
    await q.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "fk_webhook_delivery_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand (partial): the delivery workers' lookup of due rows reads pending ones only.
    await q.query(`CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE "status" = 'pending'`);
    await q.query(
      `UPDATE "role" SET "permissions" = array_append("permissions", 'webhook.manage'), "updated_at" = now()
       WHERE "built_in" AND "name" = 'admin' AND NOT ('webhook.manage' = ANY("permissions"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "role" SET "permissions" = array_remove("permissions", 'webhook.manage')`);
    await q.query(`DROP INDEX "public"."idx_webhook_delivery_due"`);
    await q.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "fk_webhook_delivery_endpoint"`);
    await q.query(`DROP INDEX "public"."idx_webhook_delivery_endpoint_log"`);
    await q.query(`DROP INDEX "public"."idx_webhook_delivery_created"`);
    await q.query(`DROP TABLE "webhook_delivery"`);
    await q.query(`DROP TABLE "webhook_endpoint"`);
  }
}
