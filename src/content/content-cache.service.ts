// A per-process cache of rendered public responses. Readers' sites request the same few pages over
// and over; serving them from memory skips the query, the mapping and JSON serialisation. Any change
// to what readers see (publish, unpublish, a caption edit on a live photo, a section change) sends a
// PostgreSQL notification on commit, and every process listening empties its cache. Should the
// listening connection fail, the cache switches itself off until it is back, so it can never serve
// a change it did not hear about. While it is off it keeps what it held for one purpose: when the
// database cannot be reached, a page it held is served rather than a 503, for as long as the
// `stale-if-error` of CONTENT_CACHE_CONTROL allows (the same promise made to CDNs).
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { BoundedCache } from '../common/bounded-cache.js';
import { isDatabaseUnavailable } from '../common/database-unavailable.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import { ReadReplicas } from '../database/read-replicas.js';

/** The channel ContentChangeNotifier (content-changes.ts) notifies on when what readers see changes. */
export const CONTENT_CHANNEL = 'masthead_content_changed';

/** A rendered public response: the body and the headers that go with it. */
export interface RenderedResponse {
  body: string;
  etag: string;
  /** Full Content-Type, e.g. `application/json; charset=utf-8`. */
  contentType: string;
  /** Content-Language, for responses in one language (a story, a script variant). */
  language?: string;
  /** Vary, for responses negotiated on a request header (Accept). */
  vary?: string;
}

const MAX_ENTRIES = 1000;
/**
 * What the cached JSON may hold at most (V8 keeps Chinese text as two bytes a character): a page of
 * 100 stories is ~130 KB, so a flood of distinct page URLs cannot push the heap towards its limit.
 */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_KEY_LENGTH = 512;
/** A safety net only: invalidation is by notification. */
const TTL_MS = 60_000;
const RECONNECT_MS = 1000;

interface Entry extends RenderedResponse {
  storedAt: number;
}

@Injectable()
export class ContentCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ContentCache.name);
  private readonly entries = new BoundedCache<Entry>(MAX_ENTRIES, MAX_BYTES, (entry) => (entry.body.length + entry.etag.length + entry.contentType.length) * 2);
  private generation = 0;
  private listening = false;
  /** The listening connection, or the one being opened. */
  private current: pg.Client | null = null;
  private stopped = false;

  /** How long a held page may stand in for one the database cannot render, from `stale-if-error`; 0: never. */
  private readonly staleIfErrorMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly replicas: ReadReplicas,
  ) {
    const staleIfError = /(?:^|,)\s*stale-if-error\s*=\s*(\d+)/i.exec(config.contentCacheControl);
    this.staleIfErrorMs = staleIfError ? Number(staleIfError[1]) * 1000 : 0;
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * The cached response for `key`, or renders it with `render` and keeps it unless content changed
   * meanwhile. When rendering fails because the database cannot be reached, a held response within
   * `stale-if-error` is returned instead.
   */
  async get(key: string, render: () => Promise<RenderedResponse>): Promise<RenderedResponse> {
    const cacheable = this.listening && key.length <= MAX_KEY_LENGTH;
    const held = this.entries.get(key);
    if (cacheable && held && Date.now() - held.storedAt < TTL_MS) return held;
    const generation = this.generation;
    let rendered: RenderedResponse;
    try {
      rendered = await render();
    } catch (error) {
      if (held && Date.now() - held.storedAt <= this.staleIfErrorMs && isDatabaseUnavailable(error)) return held;
      throw error;
    }
    // A notification that arrived while rendering may mean `rendered` is already stale: don't keep it.
    if (cacheable && generation === this.generation) this.store(key, rendered);
    return rendered;
  }

  private store(key: string, rendered: RenderedResponse): void {
    this.entries.set(key, { ...rendered, storedAt: Date.now() });
  }

  /** Forgets every page: on each change notification, and at once in the process that made the change. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    // Until the replicas have replayed this change, what is rendered next is read from the primary.
    this.replicas.contentChanged();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'masthead-content-cache' });
    client.on('notification', () => this.invalidate());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    this.current = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CONTENT_CHANNEL}`);
      this.invalidate();
      this.listening = true;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.current) return;
    this.listening = false;
    this.current = null;
    // Held entries are no longer served as current (`listening` is off) but kept for stale-if-error;
    // they are dropped when listening resumes. Renders already under way must not be stored.
    this.generation++;
    if (this.stopped) return;
    if (error)
      this.logger.warn(`content cache off until its notification connection is back: ${error instanceof Error ? error.message : 'connection lost'}`);
    client.end().catch(() => undefined);
    setTimeout(() => void this.listen(), RECONNECT_MS).unref();
  }
}
