import { ProcessingSlots } from './processing-slots.js';

describe('ProcessingSlots', () => {
  it('never runs more jobs at once than it has slots, and runs them all', async () => {
    const slots = new ProcessingSlots(2);
    let active = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const jobs = Array.from({ length: 5 }, (_, i) =>
      slots.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => releases.push(resolve));
        active--;
        return i;
      }),
    );
    while (releases.length || active) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a job fails', async () => {
    const slots = new ProcessingSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('decode failed')))).rejects.toThrow('decode failed');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
