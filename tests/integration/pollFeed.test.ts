import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeAtomEntry, type FixtureEntry, type Fault } from '@jikenbo/feed-server';
import { pollFeed } from '../../src/pipeline/pollFeed.js';
import { pollTick } from '../../src/pipeline/pollTick.js';
import { FIXTURE_ENTRIES, startHarness, type Harness } from '../helpers/pollHarness.js';
import {
  memoryBackend,
  sqliteBackend,
  postgresBackend,
  POSTGRES_AVAILABLE,
  type Backend,
} from '../helpers/storeBackends.js';
import { TEST_FEEDS_DIR, testBlogPosts } from '../fixtures/demoBlogFiles.js';

const older = FIXTURE_ENTRIES.slice(10, 40);
const newer = FIXTURE_ENTRIES.slice(0, 10);

function generated(n: number, prefix = 'gen'): FixtureEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `tag:local,2024:${prefix}-${i}`;
    const published = new Date(Date.UTC(2024, 5, 1, 0, i)).toISOString();
    return {
      id,
      published,
      xml: makeAtomEntry({
        id,
        title: `生成記事 ${prefix} ${i}`,
        html: `<p>本文 ${i}</p>`,
        published,
      }),
    };
  });
}

let harness: Harness | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await harness?.server.stop();
  await backend?.cleanup();
  harness = undefined;
  backend = undefined;
});

async function start(
  entries: FixtureEntry[],
  make: () => Backend = memoryBackend,
): Promise<Harness> {
  backend = make();
  harness = await startHarness(await backend.open(), entries);
  return harness;
}

describe('pollFeed', () => {
  it('stores the first poll as history and alerts none of it', async () => {
    const h = await start(older);
    const result = await pollFeed(h.server.feedUrl, h.deps);
    expect(result).toMatchObject({ status: 'ok', firstPoll: true, entries: 25, newPosts: [] });
    expect(h.alerted).toEqual([]);
    expect(await h.deps.stores.posts.count()).toBe(25);
    expect((await h.deps.stores.feedState.get(h.server.feedUrl))?.initialized).toBe(true);
  });

  it('alerts exactly the entries published since the last poll', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    h.server.publish(...newer.slice(0, 2));
    const result = await pollFeed(h.server.feedUrl, h.deps);
    expect(result).toMatchObject({ status: 'ok', firstPoll: false });
    expect(h.alerted.map((r) => r.post.id)).toEqual(newer.slice(0, 2).map((e) => e.id));
  });

  it('skips parsing on 304 and alerts nothing', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    expect(await pollFeed(h.server.feedUrl, h.deps)).toEqual({
      feedUrl: h.server.feedUrl,
      status: 'not-modified',
    });
    expect(h.server.requests[1]!.headers['if-none-match']).toBeTruthy();
    expect(h.alerted).toEqual([]);
  });

  it('never alerts an entry again when its content changes', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    const [first, ...rest] = older;
    h.server.setEntries([
      { ...first!, xml: first!.xml.replace(/<title([^>]*)>/, '<title$1>【更新】') },
      ...rest,
    ]);
    const result = await pollFeed(h.server.feedUrl, h.deps);
    expect(result).toMatchObject({ status: 'ok', newPosts: [] });
    expect(h.alerted).toEqual([]);
  });

  it.each<[string, () => Backend]>([
    ['sqlite', sqliteBackend],
    ...(POSTGRES_AVAILABLE ? [['postgres', postgresBackend] as [string, () => Backend]] : []),
  ])('re-alerts nothing after a restart between polls (%s)', async (_name, make) => {
    const h = await start(older, make);
    await pollFeed(h.server.feedUrl, h.deps);
    h.server.publish(newer[0]!);
    await pollFeed(h.server.feedUrl, h.deps);
    await h.stores.close();

    const restarted = { ...h.deps, stores: await backend!.open() };
    h.server.publish(newer[1]!);
    await pollFeed(h.server.feedUrl, restarted);
    await pollFeed(h.server.feedUrl, restarted);
    expect(h.alerted.map((r) => r.post.id)).toEqual([newer[0]!.id, newer[1]!.id]);
    await restarted.stores.close();
  });

  it.each<[string, Fault]>([
    ['HTTP 500', { type: 'status', status: 500 }],
    ['a timeout', { type: 'hang' }],
    ['truncated XML', { type: 'truncate' }],
    ['malformed XML', { type: 'malformed' }],
    ['HTML instead of a feed', { type: 'html' }],
    ['an oversize body', { type: 'oversize', bytes: 11 * 1024 * 1024 }],
    ['a redirect loop', { type: 'redirect-loop' }],
  ])(
    'backs off on %s, keeps what it stored, and picks up what was published meanwhile',
    async (_what, fault) => {
      const h = await start(older);
      await pollFeed(h.server.feedUrl, h.deps);
      // A redirect loop is one fault per hop; the others fail one whole request.
      h.server.failNext(fault, fault.type === 'redirect-loop' ? 10 : 1);
      const failed = await pollFeed(h.server.feedUrl, h.deps);
      expect(failed).toMatchObject({ status: 'error', failures: 1 });
      const state = await h.deps.stores.feedState.get(h.server.feedUrl);
      expect(state).toMatchObject({ consecutiveFailures: 1, lastResult: 'error' });
      expect(new Date(state!.nextAttemptAt!).getTime() - h.clock.now.getTime()).toBe(60_000);
      expect(await h.deps.stores.posts.count()).toBe(25);

      h.server.publish(...newer.slice(0, 3));
      expect(await pollFeed(h.server.feedUrl, h.deps)).toMatchObject({ status: 'backing-off' });
      h.clock.advance(61);
      expect(await pollFeed(h.server.feedUrl, h.deps)).toMatchObject({ status: 'ok' });
      expect(h.alerted.map((r) => r.post.id)).toEqual(newer.slice(0, 3).map((e) => e.id));
      expect((await h.deps.stores.feedState.get(h.server.feedUrl))?.consecutiveFailures).toBe(0);
    },
  );

  it('doubles the wait after each further failure, up to the cap', async () => {
    const h = await start(older);
    h.server.failNext({ type: 'status', status: 503 }, 100);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await pollFeed(h.server.feedUrl, h.deps);
      if (result.status !== 'error') throw new Error('expected failure');
      waits.push((new Date(result.nextAttemptAt).getTime() - h.clock.now.getTime()) / 1000);
      h.clock.now = new Date(result.nextAttemptAt);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600]);
  });

  it('reads older pages after an outage longer than one page, so nothing is lost', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    const missed = generated(40);
    h.server.publish(...missed.reverse());
    await pollFeed(h.server.feedUrl, h.deps);
    expect(new Set(h.alerted.map((r) => r.post.id))).toEqual(new Set(missed.map((e) => e.id)));
    expect(h.alerted).toHaveLength(40);
  });

  it('alerts an entry without an <id> once, under a stable derived id', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    const [entry] = generated(1, 'noid');
    h.server.publish({ ...entry!, xml: entry!.xml.replace(/<id>[^<]*<\/id>/, '') });
    await pollFeed(h.server.feedUrl, h.deps);
    h.server.publish(...generated(1, 'other'));
    await pollFeed(h.server.feedUrl, h.deps);
    expect(h.alerted.map((r) => r.post.id)).toEqual([
      expect.stringMatching(/^sha256:/),
      'tag:local,2024:other-0',
    ]);
  });

  it('stores an entry with an empty title', async () => {
    const h = await start(older);
    await pollFeed(h.server.feedUrl, h.deps);
    const [entry] = generated(1, 'untitled');
    h.server.publish({
      ...entry!,
      xml: entry!.xml.replace(/<title type='text'>[^<]*<\/title>/, "<title type='text'></title>"),
    });
    await pollFeed(h.server.feedUrl, h.deps);
    expect(h.alerted.map((r) => r.post.title)).toEqual(['']);
  });

  it('polls an RSS 2.0 feed', async () => {
    const h = await start([]);
    const url = h.server.serveFile(
      '/rss',
      readFileSync(join(TEST_FEEDS_DIR, 'blogger.rss.xml'), 'utf8'),
    );
    expect(await pollFeed(url, h.deps)).toMatchObject({
      status: 'ok',
      firstPoll: true,
      entries: testBlogPosts().length,
    });
    expect(await h.deps.stores.posts.count()).toBe(testBlogPosts().length);
  });
});

describe('pollTick', () => {
  it('keeps polling the other feeds when one fails', async () => {
    const h = await start(older);
    const brokenUrl = h.server.serveFile(
      '/broken',
      '<html><body>not a feed</body></html>',
      'text/html',
    );
    const results = await pollTick([brokenUrl, h.server.feedUrl], h.deps);
    expect(results.map((r) => r.status)).toEqual(['error', 'ok']);
  });
});
