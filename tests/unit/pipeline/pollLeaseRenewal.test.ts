/**
 * The poll lease is renewed while a tick runs. For a schedule with long gaps (yearly, every other
 * month) a third of the lease is longer than a timer can wait (2^31 - 1 ms, about 24.8 days): Node
 * then fires the timer every millisecond, which would hammer the store for as long as a tick runs.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { leaderOnlyTick, leaseTtlFor, renewEveryMs } from '../../../src/pipeline/pollLeadership.js';
import { MemoryPollLease, type PollLease } from '../../../src/store/sql/pollLease.js';

/** A lease in memory that counts the store's acquire calls (the first take and every renewal). */
function countingLease(): PollLease & { acquires: number } {
  const lease = new MemoryPollLease();
  const counting = {
    acquires: 0,
    acquire: (holder: string, ttlMs: number) => {
      counting.acquires++;
      return lease.acquire(holder, ttlMs);
    },
    release: (holder: string) => lease.release(holder),
    current: () => lease.current(),
  };
  return counting;
}

describe('poll lease renewal during a tick', () => {
  it('renews at a third of the lease, and at most every minute for schedules with long gaps', () => {
    expect(renewEveryMs(leaseTtlFor('*/10 * * * * *'))).toBe(5_000);
    expect(renewEveryMs(leaseTtlFor('* * * * *'))).toBe(30_000);
    // A third of these leases is 15 days, a month and 183 days: the last two overflow a timer.
    for (const schedule of ['0 0 1 * *', '0 0 1 */2 *', '0 0 1 1 *'])
      expect(renewEveryMs(leaseTtlFor(schedule))).toBe(60_000);
  });

  it('asks the store once, not every millisecond, during a short tick of a yearly schedule', async () => {
    const counting = countingLease();
    const tick = leaderOnlyTick(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return [];
      },
      { lease: counting, holder: 'only', ttlMs: leaseTtlFor('0 0 1 1 *'), log: silentLogger() },
    );
    await tick();
    expect(counting.acquires).toBe(1);
  });

  it('still renews the lease while a tick outlasts a third of it', async () => {
    const counting = countingLease();
    // A 300 ms lease is renewed every 100 ms: a 350 ms tick renews it about three times.
    const tick = leaderOnlyTick(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 350));
        return [];
      },
      { lease: counting, holder: 'only', ttlMs: 300, log: silentLogger() },
    );
    await tick();
    expect(counting.acquires).toBeGreaterThanOrEqual(3);
  });
});
