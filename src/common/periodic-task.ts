// A job every process runs on a timer (scheduled publishing, housekeeping): one run at a time, the
// next one `intervalMs` after the last ended, unref'd so it never keeps the process alive, and a
// stop that waits for a run in flight (call it before the connection pool closes).
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  /** `run` must not throw: it logs its own failures (the next run tries again). */
  constructor(
    private readonly run: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** True once stop() was called: long runs check it to end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(firstDelayMs = this.intervalMs): void {
    this.timer = setTimeout(() => {
      this.inFlight = this.run().finally(() => {
        this.inFlight = null;
        if (!this.stopped) this.start();
      });
    }, firstDelayMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight;
  }
}
