/**
 * The core links an update to the incident it continues as it stores it, through the SQL archive's
 * index or over the post store, and /incident show's timeline reads the link back.
 */
import { FeedServer } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClassifier } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { linkOf } from '../../src/incidents/linkIncident.js';
import { silentLogger } from '../../src/log.js';
import { createCore } from '../../src/pipeline/index.js';
import { memoryStores, type Stores } from '../../src/store/openStores.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { CONFIG_DIR } from '../helpers/paths.js';
import {
  STORY_FIRST as FIRST,
  STORY_OTHER as OTHER,
  STORY_UPDATE as UPDATE,
} from '../fixtures/storyPosts.js';

const BACKENDS: Array<[string, () => Promise<Stores>]> = [
  ['memory stores', async () => memoryStores()],
  ['the SQL archive', () => openSqlStores({ engine: 'sqlite', path: ':memory:' }, silentLogger())],
];

/** The core over the feed server's feed, at a fixed time after the posts; `pageSize` for backfills. */
function coreFor(feedUrl: string, stores: Stores, pageSize?: number) {
  const loaded = loadConfig({ FEED_URLS: feedUrl, LOG_LEVEL: 'silent' }, CONFIG_DIR);
  const backfill = { ...loaded.limits.backfill, ...(pageSize && { pageSize }) };
  const config = { ...loaded, limits: { ...loaded.limits, backfill } };
  return createCore({
    config,
    stores,
    classify: buildClassifier(config),
    log: silentLogger(),
    clock: () => new Date('2025-04-21T00:00:00Z'),
  });
}

describe.each(BACKENDS)('incident linking on %s', (_name, open) => {
  let server: FeedServer | null = null;
  afterEach(async () => server?.stop());

  it('stores an update with a link to the first report, and the reason why', async () => {
    server = await new FeedServer([FIRST, OTHER]).start();
    const stores = await open();
    const core = coreFor(server.feedUrl, stores);
    await core.pollOnce();
    server.publish(UPDATE);
    await core.pollOnce();
    const update = await stores.posts.get('tag:update');
    expect(update?.classification.kind).toBe('incident_update');
    expect(linkOf(update!)).toMatchObject({ rootId: 'tag:first', citedId: 'tag:first' });
    expect(linkOf(update!)?.rule).toMatch(/^link\.cited-/);
    expect(linkOf((await stores.posts.get('tag:first'))!)).toBeNull();
    expect(linkOf((await stores.posts.get('tag:other'))!)).toBeNull();
    await core.stop();
    await stores.close();
  });
});

describe.each(BACKENDS)('a backfill links history on %s', (_name, open) => {
  let server: FeedServer | null = null;
  afterEach(async () => server?.stop());

  it('links an update read on an earlier page than its first report, once all is stored', async () => {
    // Newest page first, one post a page: the update is stored before the report it continues.
    server = await new FeedServer([FIRST, OTHER, UPDATE]).start();
    const stores = await open();
    const core = coreFor(server.feedUrl, stores, 1);
    const result = await core.backfill(server.feedUrl);
    expect(result).toMatchObject({ pages: 3, stored: 3, linked: 1 });
    const update = await stores.posts.get('tag:update');
    expect(linkOf(update!)).toMatchObject({ rootId: 'tag:first', citedId: 'tag:first' });
    expect(linkOf((await stores.posts.get('tag:first'))!)).toBeNull();
    expect(linkOf((await stores.posts.get('tag:other'))!)).toBeNull();
    // The timeline reads the link back from the archive's index.
    const posts = await stores.archive.incidentPosts('tag:first');
    expect(posts.map((r) => r.post.id)).toEqual(['tag:first', 'tag:update']);
    await core.stop();
    await stores.close();
  });
});
