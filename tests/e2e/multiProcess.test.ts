/**
 * Several processes on one PostgreSQL (a fresh schema per run), one alert to 200 channels, one
 * process killed with SIGKILL mid-fan-out, the emulator's nonce check OFF so that a second send
 * would show: every channel gets its alert exactly once. The processes are built delivery workers
 * (bench/multiProcess, run from dist) claiming the shared outbox as `jikenbo start` processes do.
 */
import { describe, expect, it } from 'vitest';
import { POSTGRES_AVAILABLE } from '../integration/sql/engines.js';
import { runMultiProcessFanOut, workerBuilt } from '../../bench/multiProcess/fanOutRun.js';

const ready = POSTGRES_AVAILABLE && workerBuilt();
if (!ready)
  console.warn(
    'multi-process test skipped: needs PostgreSQL on 127.0.0.1:5432 and a build (npm run build)',
  );

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
