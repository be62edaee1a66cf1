// Which sessions have ended, known to every process within milliseconds and without a query per
// request: each process keeps the ids of sessions that ended recently (for as long as their access
// tokens could still be valid) and hears new ends through PostgreSQL LISTEN/NOTIFY. While the
// listening connection is down, nothing heard can be trusted, so each token's session is looked up
// in the database instead (fail safe), until the connection is back and the set is reloaded.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { SESSION_ENDED_CHANNEL, SessionRepository } from './session.repository.js';

const RECONNECT_MS = 1000;
/** A connection that died without a word (a dropped network path) is noticed by this heartbeat. */
const HEARTBEAT_MS = 5000;
const HEARTBEAT_TIMEOUT_MS = 2000;
/** Allowance for clocks of processes that sign tokens. */
const CLOCK_SKEW_SECONDS = 60;

@Injectable()
export class EndedSessions implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EndedSessions.name);
  /** Session id → when it may be forgotten (every access token of it has expired by then). */
  private readonly ended = new Map<string, number>();
  private readonly rememberMs: number;
  private nextPruneAt = 0;
  private listening = false;
  private current: pg.Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl: string },
    private readonly sessions: SessionRepository,
  ) {
    this.rememberMs = (config.jwt.accessTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.setListening(false);
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether notifications are being heard (otherwise every check asks the database). */
  get isListening(): boolean {
    return this.listening;
  }

  /** Whether the session `sid` has ended. Answered from memory while listening. */
  async hasEnded(sid: string): Promise<boolean> {
    if (this.listening) {
      this.prune();
      return this.ended.has(sid);
    }
    return this.sessions.hasEnded(sid);
  }

  /** Records ends this process caused itself, so its own next request sees them even before the notification. */
  remember(sids: readonly string[]): void {
    const forgetAt = Date.now() + this.rememberMs;
    for (const sid of sids) this.ended.set(sid, forgetAt);
  }

  private prune(): void {
    const now = Date.now();
    if (now < this.nextPruneAt) return;
    this.nextPruneAt = now + 60_000;
    for (const [sid, forgetAt] of this.ended) if (forgetAt <= now) this.ended.delete(sid);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'masthead-sessions', keepAlive: true });
    client.on('notification', (message) => {
      if (message.payload) this.remember([message.payload]);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    this.current = client;
    try {
      await client.connect();
      // Listen first, then load: an end committed in between is both heard and loaded, never missed.
      await client.query(`LISTEN ${SESSION_ENDED_CHANNEL}`);
      this.remember(await this.sessions.endedWithin(this.rememberMs / 1000));
      if (client !== this.current) return;
      this.setListening(true);
    } catch (error) {
      this.lost(client, error);
    }
  }

  private setListening(listening: boolean): void {
    this.listening = listening;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (!listening) return;
    const client = this.current;
    this.heartbeat = setInterval(() => {
      if (!client) return;
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('heartbeat timed out')), HEARTBEAT_TIMEOUT_MS).unref());
      Promise.race([client.query('SELECT 1'), timeout]).catch((error: unknown) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.current) return;
    this.setListening(false);
    this.current = null;
    if (this.stopped) return;
    if (error)
      this.logger.warn(
        `session ends are checked in the database until their notification connection is back: ${error instanceof Error ? error.message : 'connection lost'}`,
      );
    client.end().catch(() => undefined);
    setTimeout(() => void this.listen(), RECONNECT_MS).unref();
  }
}
