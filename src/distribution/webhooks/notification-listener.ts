// A dedicated connection LISTENing on one PostgreSQL channel, reconnecting after a second when it is
// lost. What it wakes must not depend on it alone: a notification sent while it reconnects is lost.
import { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MS = 1000;

export class NotificationListener {
  private readonly logger = new Logger('WebhookNotifications');
  private current: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly onNotification: () => void,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'masthead-webhooks' });
    client.on('notification', () => this.onNotification());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    this.current = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      // Whatever was announced while not listening is found now.
      this.onNotification();
    } catch (error) {
      this.lost(client, error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.current) return;
    this.current = null;
    if (this.stopped) return;
    if (error)
      this.logger.warn(`webhook notifications lost, polling only until reconnected: ${error instanceof Error ? error.message : 'connection lost'}`);
    client.end().catch(() => undefined);
    setTimeout(() => void this.start(), RECONNECT_MS).unref();
  }
}
