/** The SQL stores against the existing store interfaces, on SQLite (file and :memory:) and PostgreSQL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { freshFeedState } from '../../src/store/feedStateStore.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { compareStoreMarker } from '../../src/store/sql/storeMarker.js';
import { makeDelivery, makeGuildSettings, makeStoredPost } from '../helpers/builders.js';
import { SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

describe.each(SQL_ENGINES.map((make) => [make().name, make] as const))(
  'SQL stores on %s',
  (_name, make) => {
    let engine: SqlEngineUnderTest;
    let stores: SqlStores;
    let clock: Date;
    const open = () => openSqlStores(engine.location, silentLogger(), { now: () => clock });

    beforeEach(async () => {
      clock = new Date('2024-03-01T00:00:00Z');
      engine = make();
      stores = await open();
    });
    afterEach(async () => {
      await stores.close();
      await engine.cleanup();
    });

    describe('posts', () => {
      it('lists posts newest first, counts them, and replaces one stored again', async () => {
        await stores.posts.put([
          makeStoredPost('old', '2024-01-01T00:00:00Z'),
          makeStoredPost('new', '2024-02-01T00:00:00Z', { severity: 'low' }),
        ]);
        await stores.posts.put([
          makeStoredPost('new', '2024-02-01T00:00:00Z', { severity: 'high' }),
        ]);
        expect((await stores.posts.all()).map((r) => r.post.id)).toEqual(['new', 'old']);
        expect(await stores.posts.count()).toBe(2);
        expect((await stores.posts.get('new'))?.classification.severity).toBe('high');
        expect(await stores.posts.get('missing')).toBeNull();
      });

      it('returns fresh records that callers cannot use to change the store', async () => {
        await stores.posts.put([makeStoredPost('p', '2024-01-01T00:00:00Z')]);
        const record = await stores.posts.get('p');
        if (record) record.post.title = 'changed';
        expect((await stores.posts.get('p'))?.post.title).toBe('title p');
      });

      it('rejects an invalid record and stores nothing of its batch', async () => {
        const bad = makeStoredPost('bad', '2024-01-01T00:00:00Z', { severity: 'huge' as never });
        await expect(
          stores.posts.put([makeStoredPost('ok', '2024-01-01T00:00:00Z'), bad]),
        ).rejects.toThrow();
        expect(await stores.posts.count()).toBe(0);
      });
    });

    describe('seen entries', () => {
      it('reports exactly the ids marked seen, marking twice is harmless', async () => {
        expect(await stores.seen.seen(['a', 'b'])).toEqual(new Set());
        await stores.seen.markSeen(['a', 'c'], clock);
        await stores.seen.markSeen(['a'], clock);
        expect(await stores.seen.seen(['a', 'b', 'c'])).toEqual(new Set(['a', 'c']));
        expect(await stores.seen.seen([])).toEqual(new Set());
      });

      it('answers for more ids than one statement takes', async () => {
        const ids = Array.from({ length: 1_200 }, (_, i) => `e${i}`);
        await stores.seen.markSeen(ids.slice(0, 700), clock);
        expect((await stores.seen.seen(ids)).size).toBe(700);
      });
    });

    describe('outbox', () => {
      it('queues only new delivery ids and lists pending ones oldest first', async () => {
        const later = makeDelivery('p', 'c1', { createdAt: '2024-03-02T00:00:00.000Z' });
        const earlier = makeDelivery('p', 'c2');
        expect((await stores.outbox.enqueue([later, earlier, earlier])).map((d) => d.id)).toEqual([
          later.id,
          earlier.id,
        ]);
        expect(await stores.outbox.enqueue([{ ...later, attempts: 5 }])).toEqual([]);
        expect((await stores.outbox.pending()).map((d) => d.id)).toEqual([earlier.id, later.id]);
        expect((await stores.outbox.get(later.id))?.attempts).toBe(0);
      });

      it('drops a delivery from pending once updated as delivered', async () => {
        const d = makeDelivery('p', 'c1');
        await stores.outbox.enqueue([d]);
        await stores.outbox.update({ ...d, status: 'delivered', attempts: 1, messageId: 'm1' });
        expect(await stores.outbox.pending()).toEqual([]);
        expect(await stores.outbox.get(d.id)).toMatchObject({
          status: 'delivered',
          messageId: 'm1',
        });
      });

      it('gives each due delivery to one worker, and takes back a lease that expired', async () => {
        const all = ['c1', 'c2', 'c3'].map((c) => makeDelivery('p', c));
        const notDue = makeDelivery('p', 'c4', { nextAttemptAt: '2024-03-01T00:10:00.000Z' });
        await stores.outbox.enqueue([...all, notDue]);
        const first = await stores.outbox.claim('w1', 2, 60_000);
        const second = await stores.outbox.claim('w2', 10, 60_000);
        expect(first.map((d) => d.id)).toEqual([all[0]?.id, all[1]?.id]);
        expect(second.map((d) => d.id)).toEqual([all[2]?.id]);
        expect(await stores.outbox.claim('w3', 10, 60_000)).toEqual([]);

        clock = new Date('2024-03-01T00:11:00Z'); // w1's and w2's leases are over; c4 is due
        const retaken = await stores.outbox.claim('w3', 10, 60_000);
        expect(retaken.map((d) => d.channelId).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
        expect(await stores.outbox.updateClaimed({ ...all[0]!, status: 'delivered' }, 'w1')).toBe(
          false,
        );
        expect(await stores.outbox.updateClaimed({ ...all[0]!, status: 'delivered' }, 'w3')).toBe(
          true,
        );
        expect((await stores.outbox.get(all[0]!.id))?.status).toBe('delivered');
      });

      it('holds a digest row from claims until its time, then claims the channel\u2019s due held rows together', async () => {
        const held = (c: string, p: string, until: string) =>
          makeDelivery(p, c, { holdUntil: until });
        const instant = makeDelivery('p0', 'c1');
        const soon = held('c1', 'p1', '2024-03-01T00:05:00.000Z');
        const sooner = held('c1', 'p2', '2024-03-01T00:04:00.000Z');
        const later = held('c1', 'p3', '2024-03-01T09:00:00.000Z');
        const elsewhere = held('c2', 'p4', '2024-03-01T00:05:00.000Z');
        await stores.outbox.enqueue([instant, soon, sooner, later, elsewhere]);
        expect((await stores.outbox.claim('w1', 10, 600_000)).map((d) => d.id)).toEqual([
          instant.id,
        ]);
        expect(await stores.outbox.claimHeld('w1', 'c1', 600_000)).toEqual([]);
        expect((await stores.outbox.get(soon.id))?.holdUntil).toBe(soon.holdUntil);

        clock = new Date('2024-03-01T00:06:00Z');
        const mine = await stores.outbox.claim('w1', 1, 600_000); // one due held row, by w1
        expect(mine.map((d) => d.id)).toEqual([soon.id]);
        // Another worker gets none of c1's; w1 gets both due ones (its own claim included), not 09:00.
        expect(await stores.outbox.claimHeld('w2', 'c1', 600_000)).toEqual([
          expect.objectContaining({ id: sooner.id }),
        ]);
        const digest = await stores.outbox.claimHeld('w1', 'c1', 600_000);
        expect(digest.map((d) => d.id)).toEqual([soon.id]);
      });

      it('records several claimed rows all or none', async () => {
        const rows = ['c1', 'c2'].map((c) => makeDelivery('p', c));
        await stores.outbox.enqueue(rows);
        const [a, b] = await stores.outbox
          .claim('w1', 1, 60_000)
          .then(async (first) => [...first, ...(await stores.outbox.claim('w2', 1, 60_000))]);
        const done = (d: typeof a) => ({ ...d!, status: 'delivered' as const, messageId: 'm' });
        expect(await stores.outbox.updateClaimedAll([done(a), done(b)], 'w1')).toBe(false);
        expect((await stores.outbox.pending()).map((d) => d.id).sort()).toEqual(
          rows.map((d) => d.id).sort(),
        );
        expect(await stores.outbox.updateClaimedAll([done(a)], 'w1')).toBe(true);
        expect((await stores.outbox.get(a!.id))?.status).toBe('delivered');
      });
    });

    describe('key-value state through keyv', () => {
      it('keeps feed state and guild settings, and rejects an invalid state', async () => {
        const state = { ...freshFeedState('http://a/feed'), etag: '"x"', consecutiveFailures: 2 };
        await stores.feedState.set(state);
        expect(await stores.feedState.get('http://a/feed')).toEqual(state);
        await expect(stores.feedState.set({ ...state, consecutiveFailures: -1 })).rejects.toThrow();
        await stores.guilds.set(makeGuildSettings('g1', ['c1']));
        expect((await stores.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
        await stores.guilds.delete('g1');
        expect(await stores.guilds.get('g1')).toBeNull();
      });

      it('forgets a value after its time to live', async () => {
        await stores.keyv.set('cache:x', 'v', 1_000);
        expect(await stores.keyv.get('cache:x')).toBe('v');
        clock = new Date(clock.getTime() + 2_000);
        expect(await stores.keyv.get('cache:x')).toBeUndefined();
      });
    });

    // `:memory:` is gone once closed: nothing to find again.
    it.skipIf(_name === 'sqlite :memory:')(
      'keeps its data and its install id across a restart',
      async () => {
        await stores.posts.put([makeStoredPost('p', '2024-01-01T00:00:00Z')]);
        await stores.seen.markSeen(['p'], clock);
        await stores.outbox.enqueue([makeDelivery('p', 'c1')]);
        const first = stores.marker;
        expect(first.createdNow).toBe(true);
        await stores.close();
        stores = await open();
        expect(await stores.posts.count()).toBe(1);
        expect(await stores.seen.seen(['p'])).toEqual(new Set(['p']));
        expect(await stores.outbox.pending()).toHaveLength(1);
        expect(stores.marker).toMatchObject({ installId: first.installId, createdNow: false });
        expect(compareStoreMarker(first.installId, stores.marker)).toBe('same');
      },
    );
  },
);
