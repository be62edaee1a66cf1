// A per-process cache of rendered public responses. Readers' sites request the same pages over and
// over; serving them from memory skips the query, the mapping and JSON serialisation, and a held
// response is answered before the framework sees the request at all (content-edge.ts). It keeps the
// most recently used responses within CONTENT_CACHE_MB (bodies and their compressed forms), and says
// every minute how many answers came from memory, so the size can follow what readers ask for. Any change
// to what readers see (publish, unpublish, a caption edit on a live photo, a section change) sends a
// PostgreSQL notification on commit, and every process listening empties its cache. Should the
// listening connection fail, the cache switches itself off until it is back, so it can never serve
// a change it did not hear about. While it is off it keeps what it held for one purpose: when the
// database cannot be reached, a page it held is served rather than a 503, for as long as the
// `stale-if-error` of CONTENT_CACHE_CONTROL allows (the same promise made to CDNs).
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { OutgoingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { isDatabaseUnavailable } from '../common/database-unavailable.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import { ReadReplicas } from '../database/read-replicas.js';
import { CachedResponse, replayable, type RenderedResponse } from './cached-response.js';

export { CachedResponse, type RenderedResponse } from './cached-response.js';

/** The channel ContentChangeNotifier (content-changes.ts) notifies on when what readers see changes. */
export const CONTENT_CHANNEL = 'masthead_content_changed';

const MAX_KEY_LENGTH = 512;
/** A safety net only: invalidation is by notification. */
const TTL_MS = 60_000;
const RECONNECT_MS = 1000;
const REPORT_EVERY_MS = 60_000;

@Injectable()
export class ContentCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ContentCache.name);
  private readonly entries: LRUCache<string, CachedResponse> | null;
  private generation = 0;
  private listening = false;
  /** The listening connection, or the one being opened. */
  private current: pg.Client | null = null;
  private stopped = false;
  private readonly counts = { fromMemory: 0, rendered: 0 };
  /** Renders under way, so concurrent requests for one page (after a publish emptied the cache) share one. */
  private readonly rendering = new Map<string, Promise<CachedResponse>>();
  /** Per route, the headers every answer of it shares (see content-edge.ts); set from a full answer. */
  private readonly templates = new Map<string, OutgoingHttpHeaders>();
  private readonly derivedValues = new Map<string, { generation: number; expires: number; value: Promise<unknown> }>();
  private reporter: NodeJS.Timeout | undefined;

  /** How long a held page may stand in for one the database cannot render, from `stale-if-error`; 0: never. */
  private readonly staleIfErrorMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly replicas: ReadReplicas,
  ) {
    const staleIfError = /(?:^|,)\s*stale-if-error\s*=\s*(\d+)/i.exec(config.contentCacheControl);
    this.staleIfErrorMs = staleIfError ? Number(staleIfError[1]) * 1000 : 0;
    this.entries =
      config.contentCacheBytes > 0 ? new LRUCache<string, CachedResponse>({ maxSize: config.contentCacheBytes, sizeCalculation: (entry) => entry.size }) : null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.entries) return;
    await this.listen();
    this.reporter = setInterval(() => this.report(), REPORT_EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    clearInterval(this.reporter);
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * The cached response for `key`, or renders it with `render` and keeps it unless content changed
   * meanwhile. When rendering fails because the database cannot be reached, a held response within
   * `stale-if-error` is returned instead.
   */
  async get(key: string, render: () => Promise<RenderedResponse>): Promise<CachedResponse> {
    const held = this.entries?.get(key);
    if (held && this.servable(key, held)) {
      this.counts.fromMemory++;
      return held;
    }
    const shared = this.listening && key.length <= MAX_KEY_LENGTH;
    const underway = shared ? this.rendering.get(key) : undefined;
    if (underway) return underway;
    const pending = this.render(key, render, held);
    if (shared) {
      this.rendering.set(key, pending);
      const done = () => void (this.rendering.get(key) === pending && this.rendering.delete(key));
      pending.then(done, done);
    }
    return pending;
  }

  private async render(key: string, render: () => Promise<RenderedResponse>, held: CachedResponse | undefined): Promise<CachedResponse> {
    const generation = this.generation;
    let rendered: RenderedResponse;
    try {
      rendered = await render();
    } catch (error) {
      if (held && Date.now() - held.storedAt <= this.staleIfErrorMs && isDatabaseUnavailable(error)) return held;
      throw error;
    }
    this.counts.rendered++;
    const response = new CachedResponse(rendered, key, (entry) => this.resized(entry));
    // A notification that arrived while rendering may mean `rendered` is already stale: don't keep it.
    if (this.listening && key.length <= MAX_KEY_LENGTH && generation === this.generation) this.entries?.set(key, response);
    return response;
  }

  /**
   * A value derived from what readers see (the photos embargoes hide), loaded once and kept until the
   * next change notification, until `expires` (ms epoch) or for the safety TTL, whichever comes first.
   */
  derived<T>(name: string, load: () => Promise<{ value: T; expires?: number }>): Promise<T> {
    const now = Date.now();
    const kept = this.derivedValues.get(name);
    if (this.listening && kept && kept.generation === this.generation && now < kept.expires) return kept.value as Promise<T>;
    const loading = load();
    const value = loading.then((loaded) => loaded.value);
    if (this.listening) {
      const entry = { generation: this.generation, expires: now + TTL_MS, value };
      this.derivedValues.set(name, entry);
      loading.then(
        (loaded) => void (entry.expires = Math.min(entry.expires, loaded.expires ?? Infinity)),
        () => void (this.derivedValues.get(name) === entry && this.derivedValues.delete(name)),
      );
    }
    return value;
  }

  /**
   * A held response that may be answered without rendering, for content-edge.ts: only while change
   * notifications are heard, within the safety TTL, and once a complete answer gave its headers.
   */
  lookup(key: string): CachedResponse | undefined {
    const held = this.entries?.get(key);
    if (!held || !held.headers || !this.servable(key, held)) return undefined;
    this.counts.fromMemory++;
    return held;
  }

  /** Keeps the headers a route's answers share: `headers` of one answer less those of its own body. */
  rememberTemplate(route: string, headers: OutgoingHttpHeaders): void {
    if (this.templates.has(route)) return;
    const { etag: _etag, 'content-type': _type, 'content-language': _language, ...shared } = replayable(headers);
    this.templates.set(route, shared);
  }

  template(route: string): OutgoingHttpHeaders | undefined {
    return this.templates.get(route);
  }

  /** Whether `response` is the one this cache holds (so worth compressing and replaying). */
  holds(response: CachedResponse): boolean {
    return this.entries?.peek(response.key) === response;
  }

  private servable(key: string, held: CachedResponse): boolean {
    return this.listening && key.length <= MAX_KEY_LENGTH && Date.now() - held.storedAt < TTL_MS;
  }

  /** A compressed form was added: the entry is stored again so its size counts. */
  private resized(entry: CachedResponse): void {
    if (this.entries?.peek(entry.key) === entry) this.entries.set(entry.key, entry, { noUpdateTTL: true });
  }

  /** Forgets every page: on each change notification, and at once in the process that made the change. */
  invalidate(): void {
    this.generation++;
    this.entries?.clear();
    this.derivedValues.clear();
    // A render that began before the change may read what it replaced: later requests start their own.
    this.rendering.clear();
    // Until the replicas have replayed this change, what is rendered next is read from the primary.
    this.replicas.contentChanged();
  }

  private report(): void {
    const { fromMemory, rendered } = this.counts;
    if (fromMemory + rendered === 0 || !this.entries) return;
    this.counts.fromMemory = this.counts.rendered = 0;
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
    this.logger.log(
      `public responses in the last minute: ${fromMemory} from memory, ${rendered} rendered (${Math.round((100 * fromMemory) / (fromMemory + rendered))}% from memory); ` +
        `holding ${this.entries.size} in ${mb(this.entries.calculatedSize)} of ${mb(this.config.contentCacheBytes)} MB (CONTENT_CACHE_MB)`,
    );
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
