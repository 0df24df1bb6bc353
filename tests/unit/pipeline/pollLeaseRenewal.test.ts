/**
 * The poll lease is renewed while a tick runs. For a schedule with long gaps (yearly, every other
 * month) a third of the lease is longer than a timer can wait (2^31 - 1 ms, about 24.8 days): Node
 * then fires the timer every millisecond, which would hammer the store for as long as a tick runs.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { leaderOnlyTick, leaseTtlFor, renewEveryMs } from '../../../src/pipeline/pollLeadership.js';
import { MemoryPollLease } from '../../../src/store/sql/pollLease.js';

describe('poll lease renewal during a tick', () => {
  it('renews at a third of the lease for short schedules, and never waits longer than a timer can', () => {
    expect(renewEveryMs(leaseTtlFor('* * * * *'))).toBe(30_000);
    for (const schedule of ['0 0 1 1 *', '0 0 1 */2 *', '0 0 1 * *']) {
      const every = renewEveryMs(leaseTtlFor(schedule));
      expect(every).toBeGreaterThan(0);
      expect(every).toBeLessThanOrEqual(2 ** 31 - 1);
      // Well inside the lease: the holder renews long before it could lapse.
      expect(every).toBeLessThan(leaseTtlFor(schedule) / 3 + 1);
    }
  });

  it('asks the store once, not every millisecond, during a short tick of a yearly schedule', async () => {
    const lease = new MemoryPollLease();
    let acquires = 0;
    const counting = {
      acquire: (holder: string, ttlMs: number) => {
        acquires++;
        return lease.acquire(holder, ttlMs);
      },
      release: (holder: string) => lease.release(holder),
      current: () => lease.current(),
    };
    const tick = leaderOnlyTick(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return [];
      },
      { lease: counting, holder: 'only', ttlMs: leaseTtlFor('0 0 1 1 *'), log: silentLogger() },
    );
    await tick();
    expect(acquires).toBe(1);
  });
});
