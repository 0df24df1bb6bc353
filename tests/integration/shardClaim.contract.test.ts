/**
 * Claims with a shard filter, on every SQL engine: a process serving some shards claims only the
 * deliveries of those shards' guilds, and processes serving disjoint shards share the outbox
 * between them with nothing claimed twice and nothing left over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { shardOfGuild } from '../../src/store/sql/shards.js';
import { makeDelivery } from '../helpers/builders.js';
import { SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

// Real-sized snowflakes (beyond 2^53), one after another: they fall on every shard.
const GUILDS = Array.from({ length: 12 }, (_, i) =>
  String(((1_300_000_000_000n + BigInt(i)) << 22n) | 7n),
);

describe.each(SQL_ENGINES.map((make) => [make.name, make] as const))(
  'shard-filtered claims on %s',
  (_name, make) => {
    let engine: SqlEngineUnderTest;
    let stores: SqlStores;
    const clock = new Date('2026-12-02T00:00:00Z');

    beforeEach(async () => {
      engine = make();
      stores = await openSqlStores(engine.location, silentLogger(), { now: () => clock });
      await stores.outbox.enqueue(
        GUILDS.flatMap((guildId) =>
          [1, 2].map((n) => makeDelivery('p', `${guildId}-c${n}`, { guildId })),
        ),
      );
    });
    afterEach(async () => {
      await stores.close();
      await engine.cleanup();
    });

    it('claims only the deliveries of the guilds on the served shards', async () => {
      const claimed = await stores.outbox.claim('w1', 100, 60_000, { ids: [1], count: 3 });
      expect(claimed.length).toBeGreaterThan(0);
      expect(claimed.every((d) => shardOfGuild(d.guildId, 3) === 1)).toBe(true);
      const expected = GUILDS.filter((g) => shardOfGuild(g, 3) === 1).length * 2;
      expect(claimed).toHaveLength(expected);
    });

    it('shares the outbox between processes on disjoint shards: each delivery claimed once', async () => {
      const byWorker = await Promise.all(
        [[0], [1, 2]].map((ids, i) => stores.outbox.claim(`w${i}`, 100, 60_000, { ids, count: 3 })),
      );
      const ids = byWorker.flat().map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(GUILDS.length * 2);
    });

    it('claims every shard when the process serves them all', async () => {
      const claimed = await stores.outbox.claim('w1', 100, 60_000, { ids: [0, 1], count: 2 });
      expect(claimed).toHaveLength(GUILDS.length * 2);
    });
  },
);
