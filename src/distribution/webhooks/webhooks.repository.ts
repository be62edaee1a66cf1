// The SQL of webhooks: the outbox rows written in editorial transactions, the workers' claims and
// records, the delivery log's pages and the purge. The only writer of webhook_endpoint's delivery
// state and of webhook_delivery; it reads stories, photos and sections to describe them.
// An UPDATE … RETURNING is wrapped in WITH … SELECT: TypeORM answers a bare UPDATE with
// [rows, count] rather than the rows.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryStatus } from './webhook-delivery.entity.js';

/** The channel every process listens on: "webhook deliveries are due". */
export const WEBHOOK_CHANNEL = 'masthead_webhooks';

/** A delivery a worker holds a lease on, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  body: string;
  /** The attempt this claim makes (1-based); it fences the record against a later claim. */
  attempts: number;
  manual: boolean;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** What readers saw of a story, for its payload. */
export interface StoryFacts {
  version: number;
  slug: string | null;
  sectionSlug: string | null;
  publishedAt: Date | null;
}

export interface AttemptRecord {
  at: Date;
  status: number | null;
  latencyMs: number;
  error: string | null;
  excerpt: string | null;
}

// A type, not an interface: the cursor decoder wants a plain record.
export type LogCursor = {
  createdAt: string;
  id: string;
};

interface ClaimRow {
  id: string;
  endpoint_id: string;
  body: string;
  attempts: number;
  manual: boolean;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

@Injectable()
export class WebhooksRepository {
  /** Active endpoints that receive `type`. */
  async subscribers(manager: EntityManager, type: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM webhook_endpoint WHERE active AND $1 = ANY(events)`, [type]);
    return rows.map((r) => r.id);
  }

  /** One outbox row per endpoint for each body, due now, and a notification that commits with them. */
  async enqueue(manager: EntityManager, endpointIds: readonly string[], type: string, bodies: readonly string[]): Promise<void> {
    await manager.query(
      `WITH queued AS (
         INSERT INTO webhook_delivery (endpoint_id, event_type, body, next_attempt_at)
         SELECT e, $2, b, now() FROM unnest($1::uuid[]) AS e CROSS JOIN unnest($3::text[]) AS b
         RETURNING 1)
       SELECT pg_notify($4, '') FROM (SELECT 1 FROM queued LIMIT 1) AS any_queued`,
      [endpointIds, type, bodies, WEBHOOK_CHANNEL],
    );
  }

  /** Tells every process to look for due deliveries when `manager`'s transaction commits. */
  async notify(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, '']);
  }

  /**
   * The story's version and where readers find (or found) it: its live slug and section, or, once
   * withdrawn, the ones `withdrawn` names.
   */
  async storyFacts(
    manager: EntityManager,
    articleId: string,
    withdrawn: { slug: string; categoryId: string | null } | null,
  ): Promise<StoryFacts | null> {
    const rows = await manager.query<Array<{ version: number; live_slug: string | null; section_slug: string | null; published_at: Date | null }>>(
      `SELECT a.version, p.slug AS live_slug, c.slug AS section_slug, coalesce(p.published_at, a.published_at) AS published_at
       FROM article a
       LEFT JOIN published_article p ON p.article_id = a.id
       LEFT JOIN category c ON c.id = CASE WHEN p.article_id IS NULL THEN $2::uuid ELSE p.category_id END
       WHERE a.id = $1`,
      [articleId, withdrawn?.categoryId ?? null],
    );
    const row = rows[0];
    if (!row) return null;
    return { version: row.version, slug: withdrawn?.slug ?? row.live_slug, sectionSlug: row.section_slug, publishedAt: row.published_at };
  }

  /** Of these photos, those a live story shows, with their versions. */
  async livePhotos(manager: EntityManager, mediaIds: readonly string[]): Promise<Array<{ id: string; version: number }>> {
    return manager.query(
      `SELECT m.id, m.version FROM media_asset m
       WHERE m.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM article_media u WHERE u.media_id = m.id AND u.published)
       ORDER BY m.id`,
      [mediaIds],
    );
  }

  /** The section's slug; null once it is deleted. */
  async sectionSlug(manager: EntityManager, categoryId: string): Promise<string | null> {
    const rows = await manager.query<Array<{ slug: string }>>(`SELECT slug FROM category WHERE id = $1`, [categoryId]);
    return rows[0]?.slug ?? null;
  }

  /**
   * Takes up to `limit` due deliveries of active endpoints and leases them for `leaseMs`, in one
   * statement (its own transaction): `FOR UPDATE SKIP LOCKED` hands each row to one process, and the
   * lease, committed before any request is made, keeps others off it until it ends. No row lock is
   * held while a request is under way; a worker that dies leaves the row to be claimed again.
   */
  async claimDue(manager: EntityManager, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await manager.query<ClaimRow[]>(
      `WITH claimed AS (
       UPDATE webhook_delivery d SET attempts = d.attempts + 1, locked_until = now() + make_interval(secs => $2 / 1000.0)
       FROM (SELECT d.id, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at
             FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
             WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until <= now()) AND e.active
             ORDER BY d.next_attempt_at
             LIMIT $1
             FOR UPDATE OF d SKIP LOCKED) AS due
       WHERE d.id = due.id
       RETURNING d.id, d.endpoint_id, d.body, d.attempts, d.manual, due.url, due.secret, due.previous_secret, due.previous_secret_expires_at)
       SELECT * FROM claimed`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      body: r.body,
      attempts: r.attempts,
      manual: r.manual,
      url: r.url,
      secret: r.secret,
      previousSecret: r.previous_secret,
      previousSecretExpiresAt: r.previous_secret_expires_at,
    }));
  }

  /** When the next pending delivery falls due, if later than now (for a wake-up timer). */
  async nextDueAt(manager: EntityManager): Promise<Date | null> {
    const rows = await manager.query<Array<{ next_attempt_at: Date }>>(
      `SELECT next_attempt_at FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at > now() ORDER BY next_attempt_at LIMIT 1`,
    );
    return rows[0]?.next_attempt_at ?? null;
  }

  /**
   * 2xx answers, recorded in one statement: delivered, and their endpoints are no longer failing.
   * A delivery whose claim was overtaken (its lease ran out and another process took it) is left
   * alone. Returns how many were recorded.
   */
  async recordDelivered(manager: EntityManager, delivered: ReadonlyArray<{ claim: ClaimedDelivery; attempt: AttemptRecord }>): Promise<number> {
    const column = <T>(pick: (d: { claim: ClaimedDelivery; attempt: AttemptRecord }) => T) => delivered.map(pick);
    const rows = await manager.query<Array<{ recorded: number }>>(
      `WITH answer AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[])
           AS t(id, attempts, attempted_at, status, latency_ms, excerpt)),
       delivered AS (
         UPDATE webhook_delivery d SET status = 'delivered', delivered_at = now(), next_attempt_at = NULL, locked_until = NULL, manual = false,
           last_attempt_at = a.attempted_at, response_status = a.status, latency_ms = a.latency_ms, last_error = NULL, response_excerpt = a.excerpt
         FROM answer a
         WHERE d.id = a.id AND d.attempts = a.attempts AND d.status = 'pending'
         RETURNING d.endpoint_id),
       recovered AS (
         UPDATE webhook_endpoint e SET failing_since = NULL
         WHERE e.id IN (SELECT endpoint_id FROM delivered) AND e.failing_since IS NOT NULL)
       SELECT count(*)::int AS recorded FROM delivered`,
      [
        column((d) => d.claim.id),
        column((d) => d.claim.attempts),
        column((d) => d.attempt.at),
        column((d) => d.attempt.status),
        column((d) => d.attempt.latencyMs),
        column((d) => d.attempt.excerpt),
      ],
    );
    return rows[0].recorded;
  }

  /**
   * A failed attempt: pending again after `retryInMs`, or failed for good when null; the endpoint
   * is failing since now unless it already was. False when the claim was overtaken.
   */
  async recordFailed(manager: EntityManager, claim: ClaimedDelivery, attempt: AttemptRecord, retryInMs: number | null): Promise<boolean> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH failed AS (
       UPDATE webhook_delivery SET
         status = CASE WHEN $7::float8 IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = now() + make_interval(secs => $7::float8 / 1000.0), locked_until = NULL, manual = false,
         last_attempt_at = $3, response_status = $4, latency_ms = $5, last_error = $6, response_excerpt = $8
       WHERE id = $1 AND attempts = $2 AND status = 'pending'
       RETURNING id)
       SELECT id FROM failed`,
      [claim.id, claim.attempts, attempt.at, attempt.status, attempt.latencyMs, attempt.error, retryInMs, attempt.excerpt],
    );
    if (rows.length === 0) return false;
    await manager.query(`UPDATE webhook_endpoint SET failing_since = $2 WHERE id = $1 AND failing_since IS NULL`, [claim.endpointId, attempt.at]);
    return true;
  }

  /** Gives back a claim whose attempt was abandoned (shutdown): due again now, the attempt not counted. */
  async releaseClaim(manager: EntityManager, claim: ClaimedDelivery): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET attempts = attempts - 1, locked_until = NULL, next_attempt_at = now()
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [claim.id, claim.attempts],
    );
  }

  /**
   * Switches the endpoint off when it has been failing for `afterMs` or longer; returns since when
   * it was failing, or null when it was not switched off (still within the time, or already off).
   */
  async disableWhenFailingFor(manager: EntityManager, endpointId: string, afterMs: number, reason: (since: Date) => string): Promise<Date | null> {
    const rows = await manager.query<Array<{ failing_since: Date }>>(
      `SELECT failing_since FROM webhook_endpoint
       WHERE id = $1 AND active AND failing_since <= now() - make_interval(secs => $2 / 1000.0)
       FOR UPDATE`,
      [endpointId, afterMs],
    );
    const since = rows[0]?.failing_since;
    if (!since) return null;
    await manager.query(
      `UPDATE webhook_endpoint SET active = false, disabled_at = now(), disabled_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [endpointId, reason(since)],
    );
    return since;
  }

  /** An endpoint's log, newest first, after `after`; `limit + 1` rows so the caller knows whether more follow. */
  async deliveryPage(
    manager: EntityManager,
    endpointId: string,
    filter: { status?: DeliveryStatus; eventType?: string },
    after: LogCursor | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    return manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery
       WHERE endpoint_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR event_type = $3)
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $6`,
      [endpointId, filter.status ?? null, filter.eventType ?? null, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
  }

  async findDelivery(manager: EntityManager, endpointId: string, deliveryId: string): Promise<DeliveryRow | null> {
    const rows = await manager.query<DeliveryRow[]>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery WHERE id = $1 AND endpoint_id = $2`, [
      deliveryId,
      endpointId,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Due again now. A delivered or failed one gets one more attempt (manual: no automatic retries
   * after it); a pending one is simply brought forward.
   */
  async redeliver(manager: EntityManager, deliveryId: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET manual = (status <> 'pending') OR manual, status = 'pending', next_attempt_at = now(), delivered_at = NULL
       WHERE id = $1`,
      [deliveryId],
    );
  }

  /** An endpoint enabled again: what waited for it is due now. */
  async resumeEndpoint(manager: EntityManager, endpointId: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET next_attempt_at = now() WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at > now()`,
      [endpointId],
    );
  }

  /**
   * Deletes up to `limit` log entries past retention: delivered ones older than `deliveredDays`,
   * failed ones older than `failedDays`. Pending ones stay whatever their age.
   */
  async purgeBatch(manager: EntityManager, deliveredDays: number, failedDays: number, limit: number): Promise<number> {
    const rows = await manager.query<Array<{ deleted: number }>>(
      `WITH purged AS (
         DELETE FROM webhook_delivery WHERE id = ANY(ARRAY(
           SELECT id FROM webhook_delivery
           WHERE created_at < now() - make_interval(days => $1)
             AND (status = 'delivered' OR (status = 'failed' AND created_at < now() - make_interval(days => $2)))
           LIMIT $3 FOR UPDATE SKIP LOCKED))
         RETURNING 1)
       SELECT count(*)::int AS deleted FROM purged`,
      [deliveredDays, failedDays, limit],
    );
    return rows[0].deleted;
  }
}

/** A log row as the admin API shows it. */
export interface DeliveryRow {
  id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  locked_until: Date | null;
  last_attempt_at: Date | null;
  response_status: number | null;
  latency_ms: number | null;
  last_error: string | null;
  response_excerpt: string | null;
  created_at: Date;
  /** created_at as PostgreSQL prints it, for the cursor (exact, unlike a JavaScript Date). */
  created_at_text: string;
  delivered_at: Date | null;
}

const DELIVERY_COLUMNS = `id, event_type, body, status, attempts, next_attempt_at, locked_until, last_attempt_at, response_status, latency_ms,
  last_error, response_excerpt, created_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text, delivered_at`;
