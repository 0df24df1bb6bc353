import { afterEach, describe, expect, it } from 'vitest';
import { backfillFeed, firstPageUrl } from '../../src/pipeline/backfill.js';
import { pollFeed } from '../../src/pipeline/pollFeed.js';
import { FIXTURE_ENTRIES, startHarness, type Harness } from '../helpers/pollHarness.js';
import { memoryStores } from '../../src/store/openStores.js';

let harness: Harness | undefined;

const PAGE = 25;
const TOTAL = FIXTURE_ENTRIES.length;
const PAGES = Math.ceil(TOTAL / PAGE);
/** Entries seen after each page: 25, 50, …, TOTAL. */
const PROGRESS = Array.from({ length: PAGES }, (_, i) => Math.min((i + 1) * PAGE, TOTAL));
afterEach(async () => harness?.server.stop());

describe('backfill', () => {
  it('walks every page by rel="next" and stores every post, alerting none', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    const progress: number[] = [];
    const result = await backfillFeed(harness.server.feedUrl, harness.deps, {
      onProgress: (p) => progress.push(p.entries),
    });
    expect(result).toMatchObject({
      pages: PAGES,
      entries: FIXTURE_ENTRIES.length,
      stored: FIXTURE_ENTRIES.length,
      cutShort: null,
    });
    expect(PAGES).toBeGreaterThan(2);
    expect(progress).toEqual(PROGRESS);
    expect(await harness.stores.posts.count()).toBe(TOTAL);
    expect(harness.alerted).toEqual([]);
    expect(harness.server.requests.map((r) => r.path)).toEqual(
      PROGRESS.map(
        (_, i) => `/feeds/posts/default?start-index=${i * PAGE + 1}&max-results=${PAGE}`,
      ),
    );
  });

  it('stops after --max entries and says it was cut short', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    const result = await backfillFeed(harness.server.feedUrl, harness.deps, { maxPosts: 30 });
    expect(result).toMatchObject({
      pages: 2,
      entries: 30,
      stored: 30,
      cutShort: { by: 'max-posts', limit: 30 },
    });
    expect(await harness.stores.posts.count()).toBe(30);
  });

  it('is not cut short when --max is exactly what the feed holds', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    const result = await backfillFeed(harness.server.feedUrl, harness.deps, { maxPosts: TOTAL });
    expect(result).toMatchObject({ entries: TOTAL, cutShort: null });
  });

  it('says so when the configured page bound stops it before the last page', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    const deps = {
      ...harness.deps,
      limits: { ...harness.deps.limits, backfill: { pageSize: PAGE, maxPages: 2 } },
    };
    const result = await backfillFeed(harness.server.feedUrl, deps);
    expect(result).toMatchObject({
      pages: 2,
      entries: 2 * PAGE,
      cutShort: { by: 'max-pages', limit: 2 },
    });
  });

  it('does not store again what a poll already stored, and later polls alert nothing old', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    await pollFeed(harness.server.feedUrl, harness.deps);
    const result = await backfillFeed(harness.server.feedUrl, harness.deps);
    expect(result.stored).toBe(TOTAL - PAGE);
    await pollFeed(harness.server.feedUrl, harness.deps);
    expect(harness.alerted).toEqual([]);
  });

  it('keeps what it stored when a later page fails', async () => {
    harness = await startHarness(memoryStores(), FIXTURE_ENTRIES);
    harness.server.failNext({ type: 'body', body: harness.server.renderFeed(1, 25) });
    harness.server.failNext({ type: 'status', status: 500 });
    await expect(backfillFeed(harness.server.feedUrl, harness.deps)).rejects.toThrow(/HTTP 500/);
    expect(await harness.stores.posts.count()).toBe(25);
  });

  it('adds Blogger paging parameters unless the URL has them', () => {
    expect(firstPageUrl('http://h/feeds/posts/default', 25)).toBe(
      'http://h/feeds/posts/default?start-index=1&max-results=25',
    );
    expect(firstPageUrl('http://h/f?alt=rss&max-results=5', 25)).toBe(
      'http://h/f?alt=rss&max-results=5&start-index=1',
    );
  });
});
