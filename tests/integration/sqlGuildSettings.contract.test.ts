/**
 * Guild settings shared by several processes on one SQL store (issue 10/11): two store instances on
 * the same SQLite file or the same PostgreSQL schema stand for two bot processes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { GuildSettings } from '../../src/store/guildSettings.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { makeGuildSettings } from '../helpers/builders.js';
import { DURABLE_SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

/** The settings with one more channel subscribed: what `/alerts subscribe` does to them. */
function withChannel(current: GuildSettings | null, guildId: string, channelId: string) {
  const base = current ?? makeGuildSettings(guildId, []);
  return {
    ...base,
    subscriptions: [
      ...base.subscriptions,
      ...makeGuildSettings(guildId, [channelId]).subscriptions,
    ],
  };
}

describe.each(DURABLE_SQL_ENGINES.map((make) => [make().name, make] as const))(
  'guild settings across two processes on %s',
  (_name, make) => {
    let engine: SqlEngineUnderTest;
    let first: SqlStores;
    let second: SqlStores;

    beforeEach(async () => {
      engine = make();
      first = await openSqlStores(engine.location, silentLogger());
      second = await openSqlStores(engine.location, silentLogger());
    });
    afterEach(async () => {
      await first.close();
      await second.close();
      await engine.cleanup();
    });

    it('loses no update when both processes change one server at the same time', async () => {
      const channels = Array.from({ length: 24 }, (_, i) => `c${i}`);
      await Promise.all(
        channels.map((channelId, i) =>
          (i % 2 === 0 ? first : second).guilds.update('g1', (current) =>
            withChannel(current, 'g1', channelId),
          ),
        ),
      );
      const stored = (await first.guilds.get('g1'))?.subscriptions.map((s) => s.channelId) ?? [];
      expect([...stored].sort()).toEqual([...channels].sort());
      expect((await second.guilds.get('g1'))?.subscriptions).toHaveLength(channels.length);
    });

    it('lists the servers either process saved, and forgets one either deleted', async () => {
      await first.guilds.set(makeGuildSettings('g1', ['c1']));
      await second.guilds.update('g2', (current) => withChannel(current, 'g2', 'c2'));
      await Promise.all([
        first.guilds.set(makeGuildSettings('g3', ['c3'])),
        second.guilds.set(makeGuildSettings('g4', ['c4'])),
      ]);
      expect((await second.guilds.list()).map((g) => g.guildId)).toEqual(['g1', 'g2', 'g3', 'g4']);
      await second.guilds.update('g1', () => null);
      await first.guilds.delete('g3');
      expect((await first.guilds.list()).map((g) => g.guildId)).toEqual(['g2', 'g4']);
    });

    it('passes an error thrown by the change to the caller as it is, and writes nothing', async () => {
      await first.guilds.set(makeGuildSettings('g1', ['c1']));
      const refusal = new Error('refused by the change');
      await expect(
        second.guilds.update('g1', () => {
          throw refusal;
        }),
      ).rejects.toBe(refusal);
      expect((await first.guilds.get('g1'))?.subscriptions.map((s) => s.channelId)).toEqual(['c1']);
    });

    it('keeps two bots sharing the database apart by namespace', async () => {
      const other = await openSqlStores(engine.location, silentLogger(), { namespace: 'other' });
      try {
        await first.guilds.set(makeGuildSettings('g1', ['c1']));
        expect(await other.guilds.list()).toEqual([]);
        expect(await other.guilds.get('g1')).toBeNull();
      } finally {
        await other.close();
      }
    });

    it('moves settings an older version kept in key-value state into the table on open', async () => {
      await first.keyv.set('guild:g9', makeGuildSettings('g9', ['c9']));
      await first.keyv.set('guilds:index', ['g9']);
      const reopened = await openSqlStores(engine.location, silentLogger());
      try {
        expect((await reopened.guilds.list()).map((g) => g.guildId)).toEqual(['g9']);
        expect(await reopened.keyv.get('guilds:index')).toBeUndefined();
        expect(await reopened.keyv.get('guild:g9')).toBeUndefined();
      } finally {
        await reopened.close();
      }
    });
  },
);
