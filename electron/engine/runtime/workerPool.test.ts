// A pool warmed ahead of a run (`weft run` starts its tool hosts before it loads the engine) hands
// out the workers still starting instead of starting more, and never hands one out twice.
import { describe, expect, it } from 'vitest';
import { WorkerPool } from './workerPool.js';

describe('WorkerPool', () => {
  it('acquire takes a warming worker; a taken worker never goes back to idle on its own', async () => {
    const pool = new WorkerPool();
    try {
      pool.warm(2);
      const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
      expect(a).not.toBe(b);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.idleCount).toBe(0);
      pool.release(a, true);
      pool.release(b, true);
      expect(pool.idleCount).toBe(2);
      expect(await pool.acquire()).toBe(b);
    } finally {
      await pool.dispose();
    }
  });

  it('dispose stops workers still starting, and warm after it does nothing', async () => {
    const pool = new WorkerPool();
    pool.warm(2);
    await pool.dispose();
    pool.warm(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pool.idleCount).toBe(0);
  });
});
