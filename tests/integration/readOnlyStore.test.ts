/**
 * A store that stops taking writes while the bot runs (issue 9.2): every write throws a StoreError
 * (so `/alerts subscribe|unsubscribe` cannot say "saved"; the router turns it into "not saved"),
 * and the poller marks nothing seen that it could not store: once the store is writable again,
 * the next poll alerts those posts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { pollFeed } from '../../src/pipeline/pollFeed.js';
import { pollTick } from '../../src/pipeline/pollTick.js';
import { openSqlStores, sqlStoresOn, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import type { SqlSchema } from '../../src/store/sql/schema.js';
import { StoreError } from '../../src/store/sql/storeError.js';
import { unsubscribe } from '../../src/subscriptions/subscribe.js';
import { makeGuildSettings } from '../helpers/builders.js';
import { FIXTURE_ENTRIES, startHarness, type Harness } from '../helpers/pollHarness.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The same SQLite file, opened read-only (root ignores chmod, so the connection is made read-only). */
function readOnly(path: string, writable: SqlStores): SqlStores {
  const db = new Kysely<SqlSchema>({
    dialect: new SqliteDialect({ database: new Database(path, { readonly: true }) }),
  });
  const stores = sqlStoresOn(
    { engine: 'sqlite', db, marker: writable.marker, close: () => db.destroy() },
    silentLogger(),
  );
  cleanups.push(() => stores.close());
  return stores;
}

async function fileStore(): Promise<{ path: string; stores: SqlStores }> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-ro-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'store.sqlite');
  const stores = await openSqlStores({ engine: 'sqlite', path }, silentLogger());
  cleanups.push(() => stores.close());
  return { path, stores };
}

describe('a read-only SQLite file', () => {
  it('throws StoreError(read-only) on a settings change and keeps the old settings', async () => {
    const { path, stores } = await fileStore();
    await stores.guilds.set(makeGuildSettings('g1', ['c1', 'c2']));
    const ro = readOnly(path, stores);

    const change = ro.guilds.update('g1', (s) => (s ? unsubscribe(s, 'c1', 'now') : null));
    await expect(change).rejects.toBeInstanceOf(StoreError);
    await expect(change).rejects.toMatchObject({ reason: 'read-only' });
    await expect(change).rejects.toThrow(/not writable/);
    expect((await ro.guilds.get('g1'))?.subscriptions.map((s) => s.channelId)).toEqual([
      'c1',
      'c2',
    ]);
    await expect(ro.guilds.delete('g1')).rejects.toBeInstanceOf(StoreError);
  });

  it('makes a poll fail without marking anything seen; the writable store alerts those posts later', async () => {
    const { path, stores } = await fileStore();
    const h: Harness = await startHarness(stores, FIXTURE_ENTRIES.slice(5, 30));
    cleanups.push(() => h.server.stop());
    await pollFeed(h.server.feedUrl, h.deps); // history
    const fresh = FIXTURE_ENTRIES.slice(0, 5);
    h.server.publish(...fresh);

    const ro = readOnly(path, stores);
    const [result] = await pollTick([h.server.feedUrl], { ...h.deps, stores: ro });
    expect(result).toMatchObject({
      status: 'crashed',
      reason: expect.stringMatching(/not writable/),
    });
    expect(await stores.seen.seen(fresh.map((e) => e.id))).toEqual(new Set());
    expect(h.alerted).toEqual([]);

    const again = await pollFeed(h.server.feedUrl, h.deps);
    expect(again).toMatchObject({ status: 'ok', firstPoll: false });
    expect(new Set(h.alerted.map((r) => r.post.id))).toEqual(new Set(fresh.map((e) => e.id)));
  });
});
