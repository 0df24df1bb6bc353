/**
 * Figures of issue 11's multi-process part: fan-out by several processes with one killed and poll
 * leader failover (the memory of `serve` and `start` is in bench/processMemory.ts).
 */
import { silentLogger } from '../../src/log.js';
import { leaderOnlyTick, leaseTtlFor } from '../../src/pipeline/pollLeadership.js';
import { startPoller } from '../../src/pipeline/poller.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { SqlPollLease } from '../../src/store/sql/pollLease.js';
import { PG_URL, type FanOutCount } from './fanOutHarness.js';
import { runMultiProcessFanOut } from './fanOutRun.js';
import { runStartFanOut } from './startRun.js';

/** One line of a fan-out run: lost, duplicates, rate together, global 429s, messages per second. */
function fanOutLine(what: string, killed: string, r: FanOutCount & { foundSent: number }): string {
  return (
    `${what}, ${r.channels} channels, one SIGKILLed ${killed}: ` +
    `${r.lost} lost, ${r.duplicates} duplicates (nonce check off), ${r.foundSent} found already sent; ` +
    `${r.messages} messages in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(1)}/s ` +
    `(${((r.perSecond / 50) * 100).toFixed(0)} % of 50 req/s, lease wait included); ` +
    `${r.requestsPerSecond.toFixed(1)} requests/s (${((r.requestsPerSecond / 50) * 100).toFixed(0)} %; ` +
    `${r.lookups} looks in a channel); ` +
    `${r.global429s} global 429s; per second: ${r.timeline.join(' ')}`
  );
}

/** Each of `runs` with 2 and with 3 processes, process 0 killed after 30 % of `channels`. */
async function withTwoAndThree<R extends FanOutCount & { foundSent: number }>(
  channels: number,
  runs: Array<{ name: string; run: (processes: number, killAfterMessages: number) => Promise<R> }>,
  killed: (r: R) => string,
): Promise<string[]> {
  const lines: string[] = [];
  for (const processes of [2, 3])
    for (const { name, run } of runs) {
      const r = await run(processes, Math.round(channels * 0.3));
      lines.push(fanOutLine(`${name}: ${processes} processes`, killed(r), r));
    }
  return lines;
}

/**
 * Two and three delivery workers, one alert to `guilds` × `perGuild` channels, process 0 killed at
 * 30 %, lease 3 s: each worker on its own 50/s as before, then with the shared budget, back to back
 * (the machine's load moves the rates; their ratio less).
 */
export function runMultiProcessFanOutBench(guilds = 100, perGuild = 10): Promise<string[]> {
  const runs = [false, true].map((sharedBudget) => ({
    name: `multi-process fan-out (${sharedBudget ? 'shared budget' : 'budget per process'})`,
    run: (processes: number, killAfterMessages: number) =>
      runMultiProcessFanOut({
        processes,
        guilds,
        channelsPerGuild: perGuild,
        killAfterMessages,
        leaseMs: 3_000,
        sharedBudget,
      }),
  }));
  return withTwoAndThree(guilds * perGuild, runs, () => 'after 30 %');
}

/** The same with real `jikenbo start` processes (built dist), lease 3 s, process 0 killed at 30 %. */
export function runStartFanOutBench(guilds = 100, perGuild = 10): Promise<string[]> {
  const run = (processes: number, killAfterMessages: number) =>
    runStartFanOut({
      processes,
      guilds,
      channelsPerGuild: perGuild,
      killAfterMessages,
      leaseSeconds: 3,
    });
  return withTwoAndThree(
    guilds * perGuild,
    [{ name: 'multi-process fan-out (jikenbo start)', run }],
    (r) => `after ${r.atKill} messages`,
  );
}

/** Two pollers on one PostgreSQL, ticking every second; the leader dies; when does the other poll? */
export async function runFailoverBench(rounds = 3): Promise<string[]> {
  const schedule = '* * * * * *';
  const ttlMs = leaseTtlFor(schedule);
  const schema = `fo_${Date.now()}`;
  const location = { engine: 'postgres' as const, url: PG_URL, schema };
  const stores = [
    await openSqlStores(location, silentLogger()),
    await openSqlStores(location, silentLogger()),
  ];
  const waits: number[] = [];
  let overlaps = 0;
  let running = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const ticks: Array<{ who: number; at: number }> = [];
      const pollers = stores.map((s, who) => {
        const tick = leaderOnlyTick(
          async () => {
            if (running++ > 0) overlaps++;
            ticks.push({ who, at: Date.now() });
            running--;
            return [];
          },
          {
            lease: new SqlPollLease(s.database.db),
            holder: `r${round}-p${who}`,
            ttlMs,
            log: silentLogger(),
          },
        );
        return startPoller(schedule, tick, silentLogger());
      });
      // Let one lead for a few ticks, then "kill" it: its schedule stops, its lease is not released.
      while (ticks.length < 3) await new Promise((r) => setTimeout(r, 100));
      const leader = (ticks.at(-1) as { who: number }).who;
      await pollers[leader]?.stop();
      const lastLeaderTick = Math.max(...ticks.filter((t) => t.who === leader).map((t) => t.at));
      while (!ticks.some((t) => t.who !== leader)) await new Promise((r) => setTimeout(r, 50));
      const firstOther = Math.min(...ticks.filter((t) => t.who !== leader).map((t) => t.at));
      waits.push(firstOther - lastLeaderTick);
      await pollers[1 - leader]?.stop();
      await new Promise((r) => setTimeout(r, ttlMs)); // next round starts with a free lease
    }
  } finally {
    for (const s of stores) await s.close();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
  return [
    `poll leader failover: ticks every 1 s, lease ${ttlMs} ms; leader's last poll to the other's first: ` +
      `${waits.map((w) => `${(w / 1000).toFixed(1)} s`).join(', ')} (${waits.map((w) => Math.round(w / 1000)).join(', ')} ticks); ` +
      `ticks polled at once: ${overlaps}`,
  ];
}
