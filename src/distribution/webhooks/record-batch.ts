// Gathers what arrives within a few milliseconds and writes it in one go: a busy worker records its
// successful deliveries in one statement instead of one each.
export class RecordBatch<T> {
  private items: T[] = [];
  private waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (items: T[]) => Promise<unknown>,
    private readonly maxItems: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves once `item` has been written (with the others of its batch); rejects if that write failed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.items.push(item);
      this.waiting.push({ resolve, reject });
      if (this.items.length >= this.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const [items, waiting] = [this.items, this.waiting];
    this.items = [];
    this.waiting = [];
    this.write(items).then(
      () => waiting.forEach((w) => w.resolve()),
      (error: unknown) => waiting.forEach((w) => w.reject(error)),
    );
  }
}
