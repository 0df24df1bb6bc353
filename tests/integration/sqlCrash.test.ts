/**
 * Kill at every write (issue 9): a tick's writes run against a store that crashes after n writes,
 * for every n; on reopening, each post's unit of work (stored, seen, deliveries queued) is there
 * whole or not at all, and running the tick again ends with every delivery sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { freshFeedState } from '../../src/store/feedStateStore.js';
import type { Delivery } from '../../src/store/outboxStore.js';
import type { StoredPost } from '../../src/store/postStore.js';
import { SequentialNewPostsRecorder } from '../../src/store/sql/newPostsRecorder.js';
import { openSqlDatabase } from '../../src/store/sql/openSqlDatabase.js';
import { openSqlStores, sqlStoresOn, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { makeDelivery, makeStoredPost } from '../helpers/builders.js';
import { crashAfterWrites } from './sql/crashAfterWrites.js';
import { DURABLE_SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

const AT = new Date('2024-03-01T00:00:00Z');
const POSTS = ['p1', 'p2', 'p3'].map((id, i) => makeStoredPost(id, `2024-02-0${i + 1}T00:00:00Z`));
const CHANNELS = ['c1', 'c2'];
const deliveriesOf = (post: StoredPost): Delivery[] =>
  CHANNELS.map((c) => makeDelivery(post.post.id, c));

type Recording = 'one transaction' | 'separate steps';

/** What a tick writes: per post its unit of work, then each pending delivery sent, then the feed state. */
async function runTick(stores: SqlStores, recording: Recording): Promise<void> {
  const seen = await stores.seen.seen(POSTS.map((p) => p.post.id));
  const recorder =
    recording === 'one transaction' ? stores.recorder : new SequentialNewPostsRecorder(stores);
  for (const post of POSTS.filter((p) => !seen.has(p.post.id))) {
    await recorder.recordNewPosts({
      posts: [post],
      seenIds: [post.post.id],
      seenAt: AT,
      deliveries: deliveriesOf(post),
    });
  }
  for (const delivery of await stores.outbox.pending()) {
    await stores.outbox.update({
      ...delivery,
      status: 'delivered',
      attempts: delivery.attempts + 1,
    });
  }
  await stores.feedState.set({ ...freshFeedState('http://feed'), initialized: true });
}

interface PostState {
  stored: boolean;
  seen: boolean;
  deliveries: number;
}

async function stateOf(stores: SqlStores): Promise<PostState[]> {
  const seen = await stores.seen.seen(POSTS.map((p) => p.post.id));
  return Promise.all(
    POSTS.map(async (p) => ({
      stored: (await stores.posts.get(p.post.id)) !== null,
      seen: seen.has(p.post.id),
      deliveries: (await Promise.all(deliveriesOf(p).map((d) => stores.outbox.get(d.id)))).filter(
        Boolean,
      ).length,
    })),
  );
}

const whole = (s: PostState) =>
  (s.stored && s.seen && s.deliveries === CHANNELS.length) ||
  (!s.stored && !s.seen && s.deliveries === 0);

/** Runs the tick crashing after `n` writes; returns the state found on reopening, and whether it crashed. */
async function crashAt(engine: SqlEngineUnderTest, n: number, recording: Recording) {
  const database = await openSqlDatabase(engine.location);
  // One store per test, emptied before each crash point: migrating a new one each time is slow on PostgreSQL.
  for (const table of ['posts', 'seen_entries', 'deliveries', 'kv'] as const) {
    await database.db.deleteFrom(table).execute();
  }
  const { database: crashing, harness } = crashAfterWrites(database, n);
  await runTick(sqlStoresOn(crashing, silentLogger()), recording).catch((err: unknown) => {
    if (!harness.crashed) throw err;
  });
  await database.close();
  const reopened = await openSqlStores(engine.location, silentLogger());
  return { reopened, crashed: harness.crashed };
}

describe.each(DURABLE_SQL_ENGINES.map((make) => [make().name, make] as const))(
  'crash at every write on %s',
  (_n, make) => {
    const engines: SqlEngineUnderTest[] = [];
    const fresh = () => {
      const engine = make();
      engines.push(engine);
      return engine;
    };
    afterEach(async () => {
      await Promise.all(engines.splice(0).map((e) => e.cleanup()));
    });

    it('keeps each post stored, seen and queued together, and a rerun delivers everything', async () => {
      let crashes = 0;
      const engine = fresh();
      for (let n = 0; ; n++) {
        const { reopened, crashed } = await crashAt(engine, n, 'one transaction');
        try {
          const states = await stateOf(reopened);
          expect(
            states.filter((s) => !whole(s)),
            `crash after ${n} writes`,
          ).toEqual([]);
          await runTick(reopened, 'one transaction');
          const all = POSTS.flatMap(deliveriesOf);
          const after = await Promise.all(all.map((d) => reopened.outbox.get(d.id)));
          expect(
            after.map((d) => d?.status),
            `rerun after a crash at ${n}`,
          ).toEqual(all.map(() => 'delivered'));
          expect(await reopened.outbox.pending()).toEqual([]);
        } finally {
          await reopened.close();
        }
        if (!crashed) break;
        crashes++;
      }
      // 3 posts × 3 statements, 6 delivery updates, 1 feed-state write: every one of them was a crash point.
      expect(crashes).toBe(16);
    });

    it('catches a unit of work split into separate steps (so the check above can fail)', async () => {
      const partial: number[] = [];
      const engine = fresh();
      for (let n = 0; n < 9; n++) {
        const { reopened } = await crashAt(engine, n, 'separate steps');
        if ((await stateOf(reopened)).some((s) => !whole(s))) partial.push(n);
        await reopened.close();
      }
      expect(partial.length).toBeGreaterThan(0);
    });
  },
);
