/**
 * streamIncidents: the export's cursor over the archive yields exactly what a search of the same range
 * lists, in the same order, whatever the page size, on every engine and in memory; posts stored while
 * it reads are never read twice and never make it skip one; an attachment past the upload limit stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAsAttachment } from '../../src/export/exportAttachment.js';
import { silentLogger } from '../../src/log.js';
import { MemoryPostStore, type StoredPost } from '../../src/store/postStore.js';
import type { IncidentArchive, IncidentRange } from '../../src/store/sql/incidentArchive.js';
import type { KyselyPlugin } from 'kysely';
import { SqlIncidentArchive } from '../../src/store/sql/sqlIncidentArchive.js';
import { MemoryIncidentArchive } from '../../src/store/sql/memoryIncidentArchive.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { ARCHIVE, archivePost } from './sql/archivePosts.js';
import { SQL_ENGINES } from './sql/engines.js';

const ids = (records: StoredPost[]) => records.map((r) => r.post.id);

async function collect(stream: AsyncIterable<StoredPost>): Promise<StoredPost[]> {
  const out: StoredPost[] = [];
  for await (const r of stream) out.push(r);
  return out;
}

/** What the export read before this change: one search of the whole range. */
async function searched(archive: IncidentArchive, range: IncidentRange): Promise<string[]> {
  const { total } = await archive.search({ query: '', ...range, limit: 1 });
  return ids((await archive.search({ query: '', ...range, limit: Math.max(1, total) })).items);
}

const RANGES: IncidentRange[] = [
  {},
  { since: '2024-02-01', until: '2024-04-30' },
  { since: '2024-06-01' },
];

interface ArchiveUnderTest {
  archive: IncidentArchive;
  put(records: StoredPost[]): Promise<void>;
  close(): Promise<void>;
}

const openers: Array<[string, () => Promise<ArchiveUnderTest>]> = [
  [
    'memory',
    async () => {
      const posts = new MemoryPostStore();
      return {
        archive: new MemoryIncidentArchive(posts),
        put: (r) => posts.put(r),
        close: async () => {},
      };
    },
  ],
  ...SQL_ENGINES.map((make): [string, () => Promise<ArchiveUnderTest>] => [
    make().name,
    async () => {
      const engine = make();
      const stores = await openSqlStores(engine.location, silentLogger());
      return {
        archive: stores.archive,
        put: (r) => stores.posts.put(r),
        close: async () => {
          await stores.close();
          await engine.cleanup();
        },
      };
    },
  ]),
];

describe.each(openers)('streamIncidents on %s', (_name, open) => {
  let under: ArchiveUnderTest;
  beforeAll(async () => {
    under = await open();
    await under.put(ARCHIVE);
  });
  afterAll(() => under.close());

  it.each([1, 7, 500])(
    'lists what a search of the range lists, in its order, %i per page',
    async (pageSize) => {
      for (const range of RANGES) {
        const streamed = ids(await collect(under.archive.streamIncidents({ ...range, pageSize })));
        expect(streamed.length, JSON.stringify(range)).toBeGreaterThan(0);
        expect(streamed, JSON.stringify(range)).toEqual(await searched(under.archive, range));
      }
    },
  );

  it('reads each post once, and misses none, while newer posts are stored between pages', async () => {
    const before = await searched(under.archive, {});
    const seen: string[] = [];
    let added = 0;
    for await (const r of under.archive.streamIncidents({ pageSize: 5 })) {
      seen.push(r.post.id);
      if (seen.length % 5 === 0 && added < 3) {
        // A post published after everything stored: it sorts before the cursor.
        const next = archivePost(1000 + added);
        await under.put([
          { ...next, post: { ...next.post, publishedAt: '2030-01-01T00:00:00.000Z' } },
        ]);
        added += 1;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  });
});

describe.each(SQL_ENGINES.map((make) => [make().name, make] as const))(
  'an export past the upload limit on %s',
  (_name, make) => {
    it('reads from the database about what the attachment took, not the whole range', async () => {
      const engine = make();
      const stores = await openSqlStores(engine.location, silentLogger());
      try {
        await stores.posts.put(ARCHIVE);
        let rowsRead = 0;
        const counting: KyselyPlugin = {
          transformQuery: (args) => args.node,
          transformResult: async (args) => {
            rowsRead += args.result.rows.length;
            return args.result;
          },
        };
        const { db, engine: sqlEngine } = stores.database;
        const archive = new SqlIncidentArchive(db.withPlugin(counting), sqlEngine);
        const all = (await archive.search({ query: '', limit: 1 })).total;
        rowsRead = 0;
        const result = await exportAsAttachment(archive.streamIncidents({ pageSize: 4 }), {
          format: 'jsonl',
          maxBytes: 2_000,
          baseName: 'x',
        });
        expect(result.kind).toBe('too-large');
        const took = result.kind === 'too-large' ? result.incidentsRead : all;
        expect(took).toBeLessThan(all / 4);
        expect(rowsRead).toBeLessThanOrEqual(took + 4);
      } finally {
        await stores.close();
        await engine.cleanup();
      }
    });
  },
);
