import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshFeedState } from '../../src/store/feedStateStore.js';
import type { Stores } from '../../src/store/openStores.js';
import { BACKENDS, type Backend } from '../helpers/storeBackends.js';
import type { StoredPost } from '../../src/store/postStore.js';
import { makeDelivery, makeGuildSettings, makeStoredPost } from '../helpers/builders.js';

describe.each(BACKENDS.map((make) => [make().name, make] as const))(
  'stores on %s',
  (_name, makeBackend) => {
    let backend: Backend;
    let stores: Stores;

    beforeEach(async () => {
      backend = makeBackend();
      stores = await backend.open();
    });
    afterEach(async () => {
      await stores.close();
      await backend.cleanup();
    });

    describe('feed state', () => {
      it('returns null for a feed never polled and reads back what was set', async () => {
        expect(await stores.feedState.get('http://a/feed')).toBeNull();
        const state = {
          ...freshFeedState('http://a/feed'),
          etag: '"x"',
          consecutiveFailures: 3,
          lastResult: 'error' as const,
        };
        await stores.feedState.set(state);
        expect(await stores.feedState.get('http://a/feed')).toEqual(state);
        expect(await stores.feedState.get('http://b/feed')).toBeNull();
      });

      it('rejects an invalid state instead of storing it', async () => {
        const bad = { ...freshFeedState('http://a/feed'), consecutiveFailures: -1 };
        await expect(stores.feedState.set(bad)).rejects.toThrow();
        expect(await stores.feedState.get('http://a/feed')).toBeNull();
      });
    });

    describe('seen entries', () => {
      it('reports exactly the ids marked seen', async () => {
        expect(await stores.seen.seen(['a', 'b'])).toEqual(new Set());
        await stores.seen.markSeen(['a', 'c'], new Date('2024-01-01T00:00:00Z'));
        expect(await stores.seen.seen(['a', 'b', 'c'])).toEqual(new Set(['a', 'c']));
      });

      it('treats an empty list as nothing seen', async () => {
        await stores.seen.markSeen([], new Date());
        expect(await stores.seen.seen([])).toEqual(new Set());
      });
    });

    describe('posts', () => {
      it('lists posts newest first and counts them', async () => {
        await stores.posts.put([
          makeStoredPost('old', '2024-01-01T00:00:00Z'),
          makeStoredPost('new', '2024-02-01T00:00:00Z'),
        ]);
        await stores.posts.put([makeStoredPost('mid', '2024-01-15T00:00:00Z')]);
        expect((await stores.posts.all()).map((r) => r.post.id)).toEqual(['new', 'mid', 'old']);
        expect(await stores.posts.count()).toBe(3);
      });

      it('replaces a post stored again under the same id', async () => {
        await stores.posts.put([makeStoredPost('p', '2024-01-01T00:00:00Z', { severity: 'low' })]);
        await stores.posts.put([makeStoredPost('p', '2024-01-01T00:00:00Z', { severity: 'high' })]);
        expect((await stores.posts.get('p'))?.classification.severity).toBe('high');
        expect(await stores.posts.count()).toBe(1);
        expect((await stores.posts.all()).map((r) => r.classification.severity)).toEqual(['high']);
      });

      it('hands out records that callers cannot use to change the store', async () => {
        await stores.posts.put([makeStoredPost('p', '2024-01-01T00:00:00Z', { severity: 'low' })]);
        const tamper = (record: StoredPost | null | undefined) => {
          try {
            record!.classification.severity = 'critical';
            record!.post.title = 'changed by a caller';
          } catch {
            // A frozen record refuses the write: what the contract asks for.
          }
        };
        const list = await stores.posts.all();
        tamper(list[0]);
        list.pop();
        tamper(await stores.posts.get('p'));
        const [again] = await stores.posts.all();
        expect(again?.classification.severity).toBe('low');
        expect(again?.post.title).not.toBe('changed by a caller');
        expect((await stores.posts.get('p'))?.classification.severity).toBe('low');
        expect(await stores.posts.count()).toBe(1);
      });
    });

    describe('guild settings', () => {
      it('applies concurrent updates of one server one after the other, losing neither', async () => {
        const addChannel = (channelId: string) =>
          stores.guilds.update('g1', (current) => {
            const base = current ?? { guildId: 'g1', subscriptions: [], updatedAt: 'x' };
            const extra = makeGuildSettings('g1', [channelId]).subscriptions;
            return { ...base, subscriptions: [...base.subscriptions, ...extra] };
          });
        await Promise.all([addChannel('c1'), addChannel('c2'), addChannel('c3')]);
        const settings = await stores.guilds.get('g1');
        expect(settings?.subscriptions.map((s) => s.channelId).sort()).toEqual(['c1', 'c2', 'c3']);
        await stores.guilds.update('g1', () => null);
        expect(await stores.guilds.get('g1')).toBeNull();
      });

      it('stores, lists and deletes servers independently', async () => {
        await stores.guilds.set(makeGuildSettings('g1', ['c1', 'c2']));
        await stores.guilds.set(makeGuildSettings('g2', ['c3']));
        expect((await stores.guilds.get('g1'))?.subscriptions.map((s) => s.channelId)).toEqual([
          'c1',
          'c2',
        ]);
        expect((await stores.guilds.list()).map((g) => g.guildId).sort()).toEqual(['g1', 'g2']);
        await stores.guilds.delete('g1');
        expect(await stores.guilds.get('g1')).toBeNull();
        expect((await stores.guilds.list()).map((g) => g.guildId)).toEqual(['g2']);
      });
    });

    describe('outbox', () => {
      it('queues each (post, channel) once, even when enqueued again', async () => {
        const added = await stores.outbox.enqueue([
          makeDelivery('p1', 'c1'),
          makeDelivery('p1', 'c2'),
          makeDelivery('p1', 'c1'),
        ]);
        expect(added.map((d) => d.id)).toEqual(['p1 c1', 'p1 c2']);
        expect(await stores.outbox.enqueue([makeDelivery('p1', 'c1')])).toEqual([]);
        expect((await stores.outbox.pending()).map((d) => d.id).sort()).toEqual(['p1 c1', 'p1 c2']);
      });

      it('never re-queues a delivery that was already delivered', async () => {
        const [delivery] = await stores.outbox.enqueue([makeDelivery('p1', 'c1')]);
        await stores.outbox.update({ ...delivery!, status: 'delivered', messageId: 'm1' });
        expect(await stores.outbox.pending()).toEqual([]);
        expect(await stores.outbox.enqueue([makeDelivery('p1', 'c1')])).toEqual([]);
        expect((await stores.outbox.get('p1 c1'))?.status).toBe('delivered');
      });
    });
  },
);

describe.each(BACKENDS.slice(1).map((make) => [make().name, make] as const))(
  'persistence on %s',
  (_name, makeBackend) => {
    it('keeps every store across a restart (close and reopen)', async () => {
      const backend = makeBackend();
      const before = await backend.open();
      await before.seen.markSeen(['e1'], new Date());
      await before.posts.put([makeStoredPost('p1', '2024-01-01T00:00:00Z')]);
      await before.outbox.enqueue([makeDelivery('p1', 'c1')]);
      await before.guilds.set(makeGuildSettings('g1', ['c1']));
      await before.feedState.set({ ...freshFeedState('http://f'), initialized: true });
      await before.close();

      const after = await backend.open();
      try {
        expect(await after.seen.seen(['e1'])).toEqual(new Set(['e1']));
        expect((await after.posts.all()).map((r) => r.post.id)).toEqual(['p1']);
        expect((await after.outbox.pending()).map((d) => d.id)).toEqual(['p1 c1']);
        expect((await after.guilds.list()).map((g) => g.guildId)).toEqual(['g1']);
        expect((await after.feedState.get('http://f'))?.initialized).toBe(true);
      } finally {
        await after.close();
        await backend.cleanup();
      }
    });
  },
);
