/**
 * At most `size` image jobs decode and encode at once; the rest wait their turn. Bounds memory
 * (each job holds a decoded picture) and keeps a burst of uploads from starving other requests.
 */
export class ProcessingSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next job, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
