/**
 * Real `jikenbo start` processes (the built CLI) on one PostgreSQL schema, one alert to 200
 * channels, one process killed with SIGKILL mid-fan-out, the emulator's nonce check OFF so a
 * second send would be counted: every channel gets its alert exactly once (issue 11). The living
 * processes take over the killed one's claims after its lease and look in the channel before
 * resending a row it may have sent.
 */
import { describe, expect, it } from 'vitest';
import { runStartFanOut, startBuilt } from '../../bench/multiProcess/startRun.js';
import { multiProcessReady } from './multiProcessReady.js';

const ready = multiProcessReady('multi-process start test', startBuilt());

describe.runIf(ready)('several jikenbo start processes on one PostgreSQL', () => {
  it.each([2, 3])(
    'deliver one alert to 200 channels with %i processes, one killed mid-fan-out: 0 lost, 0 duplicates',
    async (processes) => {
      const result = await runStartFanOut({
        processes,
        guilds: 20,
        channelsPerGuild: 10,
        killAfterMessages: 60,
        leaseSeconds: 2,
      });
      expect({
        lost: result.lost,
        duplicates: result.duplicates,
        pending: result.pendingLeft,
      }).toEqual({ lost: 0, duplicates: 0, pending: 0 });
      expect(result.messages).toBe(200);
      // Killed mid-fan-out: the others sent the rest.
      expect(result.atKill).toBeGreaterThanOrEqual(60);
      expect(result.atKill).toBeLessThan(200);
      console.info(
        `${processes} start processes, one killed after ${result.atKill} messages: lost ${result.lost}, duplicates ${result.duplicates}, found already sent ${result.foundSent}, global 429s ${result.global429s}`,
      );
    },
    120_000,
  );
});
