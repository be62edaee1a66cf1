import { PeriodicTask } from './periodic-task.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PeriodicTask', () => {
  it('runs again after each run ends, never two at once', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const task = new PeriodicTask(async () => {
      running += 1;
      overlapped ||= running > 1;
      await sleep(15);
      running -= 1;
      runs += 1;
    }, 1);
    task.start(0);
    await sleep(120);
    await task.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it('stop() waits for the run in flight and no run starts after it', async () => {
    let finished = 0;
    let started = 0;
    const task = new PeriodicTask(async () => {
      started += 1;
      await sleep(40);
      finished += 1;
    }, 1);
    task.start(0);
    await sleep(10);
    expect(task.stopping).toBe(false);
    await task.stop();
    expect(task.stopping).toBe(true);
    expect(finished).toBe(started);
    await sleep(30);
    expect(started).toBe(1);
  });
});
