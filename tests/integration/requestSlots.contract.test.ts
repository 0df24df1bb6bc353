/**
 * The shared request budget's schedule (src/store/sql/requestSlots.ts) on every engine: two
 * "processes" (two store instances on one database) and the memory one. Reservations never overlap,
 * however many are made at once, and an idle budget starts again at the caller's time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import {
  MemoryRequestSlots,
  SqlRequestSlots,
  type RequestSlots,
} from '../../src/store/sql/requestSlots.js';
import { DURABLE_SQL_ENGINES } from './sql/engines.js';

interface Pair {
  a: RequestSlots;
  b: RequestSlots;
  close(): Promise<void>;
}

const PAIRS: Array<[string, () => Promise<Pair>]> = [
  ...DURABLE_SQL_ENGINES.map((make): [string, () => Promise<Pair>] => [
    make().name,
    async () => {
      const engine = make();
      const first: SqlStores = await openSqlStores(engine.location, silentLogger());
      const second: SqlStores = await openSqlStores(engine.location, silentLogger());
      return {
        a: new SqlRequestSlots(first.database.db),
        b: new SqlRequestSlots(second.database.db),
        async close() {
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
      const slots = new MemoryRequestSlots();
      return { a: slots, b: slots, close: async () => undefined };
    },
  ],
];

let open: Pair | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const NOW = 1_764_633_600_000;

describe.each(PAIRS)('request slots on %s', (_name, make) => {
  it('starts the first reservation at the caller’s time and the next where it ended', async () => {
    open = await make();
    expect(await open.a.reserve(5, 21, NOW)).toBe(NOW);
    expect(await open.b.reserve(3, 21, NOW + 10)).toBe(NOW + 105);
    expect(await open.a.reserve(1, 21, NOW + 20)).toBe(NOW + 168);
  });

  it('starts again at the caller’s time once every reserved slot has passed', async () => {
    open = await make();
    await open.a.reserve(5, 21, NOW);
    expect(await open.b.reserve(5, 21, NOW + 5_000)).toBe(NOW + 5_000);
  });

  it('starts again at the caller’s time when a process with a clock days ahead wrote the schedule', async () => {
    open = await make();
    const daysAhead = NOW + 183 * 86_400_000;
    await open.a.reserve(5, 21, daysAhead);
    expect(await open.b.reserve(5, 21, NOW)).toBe(NOW);
    expect(await open.a.reserve(1, 21, NOW + 1)).toBe(NOW + 105);
  });

  it('never hands two processes the same slot, with 40 reservations at once', async () => {
    open = await make();
    const pair = open;
    const starts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? pair.a : pair.b).reserve(5, 21, NOW)),
    );
    const sorted = [...starts].sort((x, y) => x - y);
    // 40 batches of 5 slots, back to back: each starts 105 ms after the one before.
    expect(sorted).toEqual(sorted.map((_, i) => NOW + i * 105));
  });
});
