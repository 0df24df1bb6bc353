/**
 * Incident links in the archive: every engine finds a new post's candidates by normalised
 * organisation within a window, and an incident's posts by the first report they continue, like the
 * in-memory archive; a store written before migration 0002 gets its link columns filled in.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLink } from '../../src/incidents/linkIncident.js';
import { silentLogger } from '../../src/log.js';
import { MemoryPostStore, type StoredPost } from '../../src/store/postStore.js';
import { postRowOf } from '../../src/store/sql/archiveRecord.js';
import type { IncidentArchive } from '../../src/store/sql/incidentArchive.js';
import { MemoryIncidentArchive } from '../../src/store/sql/memoryIncidentArchive.js';
import { migrationsFor } from '../../src/store/sql/migrations.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { makeStoredPost } from '../helpers/builders.js';
import { SQL_ENGINES, type SqlEngineUnderTest } from './sql/engines.js';

const ids = (records: StoredPost[]) => records.map((r) => r.post.id);
const link = (rootId: string) => ({
  rootId,
  citedId: rootId,
  rule: 'link.same-organization' as const,
  evidence: ['x'],
});

const POSTS: StoredPost[] = [
  makeStoredPost('a1', '2025-01-10T00:00:00.000Z', { organization: '株式会社ミナトテック' }),
  withLink(
    makeStoredPost('a2', '2025-02-10T00:00:00.000Z', {
      kind: 'incident_update',
      organization: 'ミナトテック（株）',
    }),
    link('a1'),
  ),
  withLink(
    makeStoredPost('a3', '2025-03-10T00:00:00.000Z', {
      kind: 'incident_update',
      organization: 'ﾐﾅﾄﾃｯｸ',
    }),
    link('a1'),
  ),
  makeStoredPost('b1', '2025-02-01T00:00:00.000Z', { organization: '株式会社ミナトフーズ' }),
  makeStoredPost('a0', '2023-06-01T00:00:00.000Z', { organization: 'ミナトテック株式会社' }),
  makeStoredPost('n1', '2025-02-05T00:00:00.000Z', {
    kind: 'off_topic',
    organization: '株式会社ミナトテック',
  }),
];

const QUERIES: Array<[string, (a: IncidentArchive) => Promise<string[]>]> = [
  [
    'candidates in 2025',
    async (a) =>
      ids(
        await a.linkCandidates({
          organizationKey: 'ミナトテック',
          since: '2024-06-01T00:00:00.000Z',
          until: '2025-12-31T00:00:00.000Z',
          limit: 50,
        }),
      ),
  ],
  [
    'candidates limited',
    async (a) =>
      ids(
        await a.linkCandidates({
          organizationKey: 'ミナトテック',
          since: '2000-01-01T00:00:00.000Z',
          until: '2025-02-20T00:00:00.000Z',
          limit: 2,
        }),
      ),
  ],
  ['timeline of a1', async (a) => ids(await a.incidentPosts('a1'))],
  ['timeline of b1', async (a) => ids(await a.incidentPosts('b1'))],
];

const memoryPosts = new MemoryPostStore();
const memory = new MemoryIncidentArchive(memoryPosts);
beforeAll(() => memoryPosts.put(POSTS));

describe('the in-memory archive', () => {
  it('finds one organisation under its legal forms, in the window, incidents only, newest first', async () => {
    expect(await (QUERIES[0] as (typeof QUERIES)[0])[1](memory)).toEqual(['a3', 'a2', 'a1']);
    expect(await (QUERIES[1] as (typeof QUERIES)[0])[1](memory)).toEqual(['a2', 'a1']);
  });

  it('lists an incident from its first report on, oldest first', async () => {
    expect(await (QUERIES[2] as (typeof QUERIES)[0])[1](memory)).toEqual(['a1', 'a2', 'a3']);
    expect(await (QUERIES[3] as (typeof QUERIES)[0])[1](memory)).toEqual(['b1']);
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
      await stores.posts.put(POSTS);
    });
    afterAll(async () => {
      await stores.close();
      await engine.cleanup();
    });

    it.each(QUERIES)('answers "%s" like the in-memory archive', async (_q, run) => {
      expect(await run(stores.archive)).toEqual(await run(memory));
    });
  },
);

describe('migration 0002 on a store written before it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-links-'));
  const path = join(dir, 'store.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in the organisation key and the link of every stored row', async () => {
    const old = new Kysely<{ posts: Record<string, unknown> }>({
      dialect: new SqliteDialect({ database: new Database(path) }),
    });
    const initial = migrationsFor('sqlite')['0001-initial-schema'];
    const { error } = await new Migrator({
      db: old,
      provider: { getMigrations: async () => ({ '0001-initial-schema': initial! }) },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    for (const record of POSTS) {
      const { organization_key: _k, continues: _c, ...row } = postRowOf(record);
      await old.insertInto('posts').values(row).execute();
    }
    await old.destroy();

    const stores = await openSqlStores({ engine: 'sqlite', path }, silentLogger());
    try {
      for (const [name, run] of QUERIES)
        expect(await run(stores.archive), name).toEqual(await run(memory));
    } finally {
      await stores.close();
    }
  });
});
