/**
 * Several processes on one PostgreSQL (a fresh schema per run), one alert to 200 channels, one
 * process killed with SIGKILL mid-fan-out, the emulator's nonce check OFF so that a second send
 * would show: every channel gets its alert exactly once. The processes are built delivery workers
 * (bench/multiProcess, run from dist) claiming the shared outbox as `jikenbo start` processes do.
 */
import { describe, expect, it } from 'vitest';
import { runMultiProcessFanOut, workerBuilt } from '../../bench/multiProcess/fanOutRun.js';
import { multiProcessReady } from './multiProcessReady.js';

const ready = multiProcessReady('multi-process test', workerBuilt());

describe.runIf(ready)('several processes sharing one outbox', () => {
  it.each([2, 3])(
    'delivers one alert to 200 channels with %i processes, one killed mid-fan-out: 0 lost, 0 duplicates',
    async (processes) => {
      const result = await runMultiProcessFanOut({
        processes,
        guilds: 20,
        channelsPerGuild: 10,
        killAfterMessages: 60,
        leaseMs: 2_000,
      });
      expect(result.killedPid).not.toBeNull();
      expect({
        lost: result.lost,
        duplicates: result.duplicates,
        pending: result.pendingLeft,
      }).toEqual({ lost: 0, duplicates: 0, pending: 0 });
      expect(result.messages).toBe(200);
      // Killed mid-fan-out: it had sent some alerts, and the others sent the rest.
      expect(result.sentBy.w0).toBeGreaterThan(0);
      expect(result.sentBy.w0).toBeLessThan(200);
    },
    120_000,
  );

  it('draws few or no global 429s with the budget shared on PostgreSQL, three eager processes', async () => {
    // Three processes eager to send (16 in flight each): each one's own 50/s would offer ~150/s.
    const run = (sharedBudget: boolean) =>
      runMultiProcessFanOut({
        processes: 3,
        guilds: 20,
        channelsPerGuild: 10,
        concurrency: 16,
        claimBatch: 50,
        // Nobody is killed here: a lease far above a claim's sends, so no living claim is taken over.
        leaseMs: 30_000,
        sharedBudget,
      });
    const perProcess = await run(false);
    const shared = await run(true);
    console.info(
      `global 429s, 3 processes, 200 channels: ${perProcess.global429s} with a budget per process, ${shared.global429s} with the shared budget`,
    );
    expect({ lost: shared.lost, duplicates: shared.duplicates }).toEqual({
      lost: 0,
      duplicates: 0,
    });
    // Few: a send held up for more than the schedule's margin (50 ms) may still make 51 in a second.
    expect(shared.global429s).toBeLessThanOrEqual(5);
    // The contrast is printed, not asserted: on a loaded machine the processes may be too slow to
    // overrun the limit at all (0 per process seen at load 19; 28 and 46 otherwise).
  }, 180_000);

  it('splits the guilds between processes by shard, each delivering only its own', async () => {
    const result = await runMultiProcessFanOut({
      processes: 2,
      guilds: 20,
      channelsPerGuild: 5,
      shardsOf: (i) => ({ ids: [i], count: 2 }),
    });
    expect({ lost: result.lost, duplicates: result.duplicates }).toEqual({
      lost: 0,
      duplicates: 0,
    });
    expect(Object.values(result.sentBy).every((n) => n > 0)).toBe(true);
  }, 120_000);
});
