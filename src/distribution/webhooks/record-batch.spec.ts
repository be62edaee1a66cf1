import { RecordBatch } from './record-batch.js';

describe('RecordBatch', () => {
  it('writes what arrives together in one call, and a full batch at once', async () => {
    const writes: number[][] = [];
    const batch = new RecordBatch<number>(
      async (items) => {
        writes.push(items);
      },
      3,
      20,
    );
    await Promise.all([batch.add(1), batch.add(2), batch.add(3), batch.add(4)]);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('fails every item of a batch whose write failed', async () => {
    const batch = new RecordBatch<number>(() => Promise.reject(new Error('database away')), 10, 1);
    const results = await Promise.allSettled([batch.add(1), batch.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
