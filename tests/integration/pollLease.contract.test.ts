/**
 * Poll leadership on a shared store: two "processes" (two store instances on one database, with
 * different worker ids and one fake clock). Exactly one polls; when the leader stops renewing (it
 * died), the other takes the poll within two ticks; two ticks never poll at the same time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { leaderOnlyTick, leaseTtlFor } from '../../src/pipeline/pollLeadership.js';
import type { TickResult } from '../../src/pipeline/pollTick.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { MemoryPollLease, SqlPollLease, type PollLease } from '../../src/store/sql/pollLease.js';
import { DURABLE_SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

const TICK_MS = 60_000;
const TTL_MS = leaseTtlFor('* * * * *');

interface Pair {
  name: string;
  a: PollLease;
  b: PollLease;
  close(): Promise<void>;
}

let clock: Date;
const now = () => clock;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

const PAIRS: Array<[string, () => Promise<Pair>]> = [
  ...DURABLE_SQL_ENGINES.map((make): [string, () => Promise<Pair>] => [
    make.name,
    async () => {
      const engine: SqlEngineUnderTest = make();
      const first: SqlStores = await openSqlStores(engine.location, silentLogger(), { now });
      const second: SqlStores = await openSqlStores(engine.location, silentLogger(), { now });
      return {
        name: engine.name,
        a: new SqlPollLease(first.database.db, now),
        b: new SqlPollLease(second.database.db, now),
        close: async () => {
          await first.close();
          await second.close();
          await engine.cleanup();
        },
      };
    },
  ]),
  [
    'memory',
    async () => {
      const lease = new MemoryPollLease(now);
      return { name: 'memory', a: lease, b: lease, close: async () => undefined };
    },
  ],
];

describe.each(PAIRS)('poll lease on %s', (_name, open) => {
  let pair: Pair;
  beforeEach(async () => {
    clock = new Date('2026-12-02T00:00:00Z');
    pair = await open();
  });
  afterEach(async () => {
    await pair.close();
  });

  it('lasts longer than one tick of the schedule and shorter than two', () => {
    expect(TTL_MS).toBeGreaterThan(TICK_MS);
    expect(TTL_MS).toBeLessThan(2 * TICK_MS);
  });

  it('lets one worker lead, refuses the other while the lease lives, and renews for the holder', async () => {
    expect(await pair.a.acquire('A', TTL_MS)).toBe(1);
    expect(await pair.b.acquire('B', TTL_MS)).toBeNull();
    for (let tick = 0; tick < 5; tick++) {
      advance(TICK_MS);
      expect(await pair.a.acquire('A', TTL_MS)).toBe(1);
      expect(await pair.b.acquire('B', TTL_MS)).toBeNull();
    }
    expect((await pair.b.current())?.holder).toBe('A');
  });

  it('hands the poll to the other worker within two ticks when the leader dies', async () => {
    await pair.a.acquire('A', TTL_MS);
    // A renews at this tick and then dies: B asks at each following tick.
    const ticksUntilB: number[] = [];
    for (let tick = 1; tick <= 3; tick++) {
      advance(TICK_MS);
      if ((await pair.b.acquire('B', TTL_MS)) !== null) ticksUntilB.push(tick);
    }
    expect(ticksUntilB[0]).toBe(2);
    const holder = await pair.a.current();
    expect(holder).toMatchObject({ holder: 'B', term: 2 });
    // The old leader, back, does not take it back while B renews.
    expect(await pair.a.acquire('A', TTL_MS)).toBeNull();
  });

  it('gives exactly one yes when both ask at the same moment, many times over', async () => {
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all([pair.a.acquire('A', TTL_MS), pair.b.acquire('B', TTL_MS)]);
      expect(answers.filter((a) => a !== null)).toHaveLength(1);
      advance(TTL_MS); // nobody renews: the next round starts free
    }
  });

  it('frees the lease at once when the leader releases it at shutdown', async () => {
    await pair.a.acquire('A', TTL_MS);
    await pair.a.release('A');
    expect(await pair.b.acquire('B', TTL_MS)).toBe(2);
  });

  it('never runs two ticks at once across processes, and polls on every tick', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const polled: string[] = [];
    let finish: Array<() => void> = [];
    const tick = (who: string) => async (): Promise<TickResult[]> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      polled.push(who);
      // The tick stays open until the test lets it finish: a slow tick overlapping the next one.
      await new Promise<void>((resolve) => finish.push(resolve));
      inFlight--;
      return [];
    };
    const log = silentLogger();
    const a = leaderOnlyTick(tick('A'), { lease: pair.a, holder: 'A', ttlMs: TTL_MS, log });
    const b = leaderOnlyTick(tick('B'), { lease: pair.b, holder: 'B', ttlMs: TTL_MS, log });
    for (let round = 0; round < 4; round++) {
      const running = [a(), b()];
      // Wait for whichever took the lease to enter its tick, then let it finish.
      while (finish.length === 0) await new Promise((r) => setImmediate(r));
      expect(inFlight).toBe(1);
      for (const f of finish) f();
      finish = [];
      await Promise.all(running);
      advance(TICK_MS);
    }
    expect(maxInFlight).toBe(1);
    expect(polled).toHaveLength(4);
    await a.release();
    await b.release();
  });
});
