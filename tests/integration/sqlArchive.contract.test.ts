/**
 * IncidentArchive: the SQL archive on every engine answers exactly like the in-memory one on the same
 * posts, and the in-memory one answers what the lookups mean (checked by hand on a few queries).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { MemoryPostStore, type StoredPost } from '../../src/store/postStore.js';
import type { IncidentArchive } from '../../src/store/sql/incidentArchive.js';
import { MemoryIncidentArchive } from '../../src/store/sql/memoryIncidentArchive.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { makeStoredPost } from '../helpers/builders.js';
import { CAUSES } from '../../src/classify/vocabulary.js';
import { ARCHIVE, archivePost } from './sql/archivePosts.js';
import { SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

const ids = (records: StoredPost[]) => records.map((r) => r.post.id);

/** Every lookup the commands make, each as a name and a call returning something comparable. */
const QUERIES: Array<[string, (a: IncidentArchive) => Promise<unknown>]> = [
  ['latest 10', async (a) => ids(await a.latest({ count: 10 }))],
  [
    'latest high+ ransomware',
    async (a) => ids(await a.latest({ count: 50, minSeverity: 'high', cause: 'ransomware' })),
  ],
  ['latest medium+', async (a) => ids(await a.latest({ count: 50, minSeverity: 'medium' }))],
  [
    'search all',
    async (a) => {
      const r = await a.search({ query: '', limit: 5 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search org 3+ chars',
    async (a) => {
      const r = await a.search({ query: 'みなと製作', limit: 50 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search 2 chars',
    async (a) => {
      const r = await a.search({ query: '信用', limit: 50 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search full width and spaces',
    async (a) => {
      const r = await a.search({ query: 'test lab', limit: 50 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search body',
    async (a) => {
      const r = await a.search({ query: '再発防止策', limit: 3 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search filtered',
    async (a) => {
      const r = await a.search({
        query: '不正アクセス',
        cause: 'malware',
        since: '2024-02-01',
        until: '2024-05-31',
        limit: 50,
      });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search severity',
    async (a) => {
      const r = await a.search({ query: '', severity: 'critical', limit: 50 });
      return [r.total, ids(r.items)];
    },
  ],
  [
    'search quote chars',
    async (a) => {
      const r = await a.search({ query: '"第1報" OR', limit: 5 });
      return [r.total, ids(r.items)];
    },
  ],
  ['show id', async (a) => ids(await a.show('#2024-005'))],
  ['show full width id', async (a) => ids(await a.show('２０２４－５'))],
  ['show link', async (a) => ids(await a.show('https://example.test/12'))],
  ['show post id', async (a) => ids(await a.show('post-013'))],
  ['show nothing', async (a) => ids(await a.show('nothing'))],
  ['stats', (a) => a.stats({ from: '2024-02-01' })],
  ['stats weeks', (a) => a.stats({ from: '2024-01-01', until: '2024-03-31', bucket: 'week' })],
  ['stats months', (a) => a.stats({ from: '2024-01-01', bucket: 'month' })],
  ['suggest 2024-0', (a) => a.suggestIncidentIds('2024-0')],
  ['suggest #2024-01', (a) => a.suggestIncidentIds('#2024-01')],
  ['suggest none', (a) => a.suggestIncidentIds('1999')],
  ['suggest incidents 2024-0 with labels', (a) => a.suggestIncidents('2024-0')],
  ['suggest incidents #2024-01', (a) => a.suggestIncidents('#2024-01', 5)],
  ['posts per feed', async (a) => [...(await a.postsPerFeed())].sort()],
  ['recent 20', async (a) => ids(await a.recent(20))],
];

const memoryPosts = new MemoryPostStore();
const memory = new MemoryIncidentArchive(memoryPosts);

beforeAll(async () => {
  await memoryPosts.put(ARCHIVE);
});

describe('the in-memory archive', () => {
  it('lists incidents only, newest first, with the total of a search', async () => {
    const latest = await memory.latest({ count: 100 });
    expect(
      latest.every((r) => ['incident', 'incident_update'].includes(r.classification.kind)),
    ).toBe(true);
    const times = latest.map((r) => r.post.publishedAt ?? r.storedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const all = await memory.search({ query: '', limit: 3 });
    expect(all.items).toHaveLength(3);
    expect(all.total).toBe(latest.length);
  });

  it('finds a Japanese name typed with two characters, in full, or with a space', async () => {
    for (const query of ['信用', 'さくら信用金庫', 'さくら 信用']) {
      const { items } = await memory.search({ query, limit: 100 });
      expect(items.length, query).toBeGreaterThan(0);
      expect(
        items.every((r) => r.classification.organization === 'さくら信用金庫'),
        query,
      ).toBe(true);
    }
  });

  it('matches the body from three characters on, title and organisation below that', async () => {
    expect((await memory.search({ query: '調査', limit: 1 })).total).toBe(0);
    expect((await memory.search({ query: '調査中', limit: 1 })).total).toBeGreaterThan(0);
  });

  it('suggests at most 25 distinct incident ids, newest first', async () => {
    const ids = await memory.suggestIncidentIds('2024-');
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(ids[0]).toBe('2024-045');
  });

  it('counts per cause, severity, kind and week of the incident day', async () => {
    const stats = await memory.stats({ from: '2024-01-01', until: '2024-01-31', bucket: 'week' });
    const sum = (pairs: Array<[string, number]>) => pairs.reduce((n, [, c]) => n + c, 0);
    expect(sum(stats.byCause)).toBe(stats.total);
    expect(sum(stats.bySeverity)).toBe(stats.total);
    expect(stats.buckets.reduce((n, b) => n + b.count, 0)).toBe(stats.total);
    expect(stats.buckets.every((b) => new Date(`${b.start}T00:00:00Z`).getUTCDay() === 1)).toBe(
      true,
    );
  });
});

describe.each(SQL_ENGINES.map((make) => [make().name, make] as const))(
  'the SQL archive on %s',
  (_name, make) => {
    let engine: SqlEngineUnderTest;
    let stores: SqlStores;

    beforeAll(async () => {
      engine = make();
      stores = await openSqlStores(engine.location, silentLogger());
      await stores.posts.put(ARCHIVE.slice(0, 40));
      await stores.posts.put(ARCHIVE.slice(40));
    });
    afterAll(async () => {
      await stores.close();
      await engine.cleanup();
    });

    it.each(QUERIES)('answers "%s" like the in-memory archive', async (_q, run) => {
      const expected = await run(memory);
      expect(await run(stores.archive)).toEqual(expected);
    });

    it('finds a post again by its new title after it is stored again', async () => {
      const before = ARCHIVE[3] as StoredPost;
      await stores.posts.put([
        { ...before, post: { ...before.post, title: '改題された記事タイトル' } },
      ]);
      expect(ids((await stores.archive.search({ query: '改題された', limit: 5 })).items)).toEqual([
        before.post.id,
      ]);
      await stores.posts.put([before]);
      expect((await stores.archive.search({ query: '改題された', limit: 5 })).total).toBe(0);
    });

    it('returns fresh records each time', async () => {
      const [first] = await stores.archive.recent(1);
      if (first) first.post.title = 'changed';
      expect((await stores.archive.recent(1))[0]?.post.title).not.toBe('changed');
    });
  },
);

it('treats a post stored without classification facts like any other', async () => {
  const bare = makeStoredPost('bare', '2024-01-01T00:00:00Z', {
    incidentId: null,
    organization: null,
    disclosedOn: null,
  });
  const posts = new MemoryPostStore();
  const archive = new MemoryIncidentArchive(posts);
  await posts.put([bare]);
  expect(ids(await archive.show('bare'))).toEqual(['bare']);
  expect(await archive.suggestIncidentIds('')).toEqual([]);
});

/**
 * A larger archive (400 posts), so the SQL paths chosen by size are proven too: searches with more
 * matches than are read by rowid (the newest-first index walk), short queries on the head index,
 * LIKE's own characters, and stats over a range long enough to count from the kind/cause index.
 */
const LARGE = Array.from({ length: 400 }, (_, i) => archivePost(i));
const LARGE_QUERIES: Array<[string, (a: IncidentArchive) => Promise<unknown>]> = [
  ['many matches, 3+ chars', (a) => a.search({ query: 'について', limit: 10 })],
  [
    'many matches, filtered',
    (a) => a.search({ query: 'について', cause: CAUSES[2], since: '2024-02-01', limit: 10 }),
  ],
  ['many matches, 2 chars', (a) => a.search({ query: '、第', limit: 10 })],
  ['many matches, 1 char', (a) => a.search({ query: '報', limit: 25 })],
  ['few matches, 3+ chars', (a) => a.search({ query: '第123報', limit: 10 })],
  [
    'few matches, 2 chars, filtered',
    (a) => a.search({ query: '信用', severity: 'high', limit: 10 }),
  ],
  [
    'LIKE characters',
    async (a) =>
      Promise.all(
        ['%', '_', '!', '\\', '50%', 'a_b'].map((query) => a.search({ query, limit: 5 })),
      ),
  ],
  ['stats 10 years', (a) => a.stats({ from: '2015-01-01' })],
  ['stats 10 years with an end', (a) => a.stats({ from: '2015-01-01', until: '2024-03-31' })],
  ['stats 10 years by month', (a) => a.stats({ from: '2015-01-01', bucket: 'month' })],
];

describe.each(SQL_ENGINES.map((make) => [make().name, make] as const))(
  'the SQL archive with 400 posts on %s',
  (_name, make) => {
    let engine: SqlEngineUnderTest;
    let stores: SqlStores;
    const large = new MemoryPostStore();
    const reference = new MemoryIncidentArchive(large);

    beforeAll(async () => {
      await large.put(LARGE);
      engine = make();
      stores = await openSqlStores(engine.location, silentLogger());
      await stores.posts.put(LARGE);
    });
    afterAll(async () => {
      await stores.close();
      await engine.cleanup();
    });

    it.each(LARGE_QUERIES)('answers "%s" like the in-memory archive', async (_q, run) => {
      const expected = await run(reference);
      expect(await run(stores.archive)).toEqual(expected);
    });

    it('has searches on both sides of the 100 matches read by rowid', async () => {
      const total = async (query: string) => (await reference.search({ query, limit: 1 })).total;
      expect(await total('について')).toBeGreaterThan(100);
      expect(await total('、第')).toBeGreaterThan(100);
      expect(await total('第123報')).toBeGreaterThan(0);
      expect(await total('第123報')).toBeLessThan(100);
    });
  },
);
