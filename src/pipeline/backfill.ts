/**
 * Walks a Blogger feed's pages (`start-index`/`max-results`, following
 * `rel="next"`) and stores every post with its classification, alerting none.
 */
import { fetchFeed } from '../feed/fetchFeed.js';
import { parseFeed } from '../feed/parseFeed.js';
import type { PollDeps } from './pollFeed.js';
import { classifyPosts } from './classifyPosts.js';

/** Progress reported after each page a backfill reads. */
export interface BackfillProgress {
  page: number;
  pageUrl: string;
  entries: number;
  stored: number;
}

/** What a backfill of one feed read and stored. */
export interface BackfillResult {
  feedUrl: string;
  pages: number;
  entries: number;
  stored: number;
  /**
   * Null when every page was read; otherwise the bound that stopped it with entries left unread:
   * `--max` entries, or config limits.backfill.maxPages. Never a silent cut.
   */
  cutShort: null | { by: 'max-posts' | 'max-pages'; limit: number };
}

/** The first page URL with Blogger's paging parameters. */
export function firstPageUrl(feedUrl: string, pageSize: number): string {
  const url = new URL(feedUrl);
  if (!url.searchParams.has('start-index')) url.searchParams.set('start-index', '1');
  if (!url.searchParams.has('max-results')) url.searchParams.set('max-results', String(pageSize));
  return url.toString();
}

/**
 * Stores every post of `feedUrl` not stored yet, page by page (each page one atomic write), up to
 * `maxPosts` entries read; `cutShort` says when a bound stopped it before the last page.
 * Fetch and parse errors are thrown: the caller reports them (what was stored stays stored).
 */
export async function backfillFeed(
  feedUrl: string,
  deps: Omit<PollDeps, 'fanOut' | 'onRecorded'>,
  options: { maxPosts?: number; onProgress?: (progress: BackfillProgress) => void } = {},
): Promise<BackfillResult> {
  const maxPosts = options.maxPosts ?? Number.POSITIVE_INFINITY;
  const result: BackfillResult = { feedUrl, pages: 0, entries: 0, stored: 0, cutShort: null };
  let leftInPage = false;
  let pageUrl: string | null = firstPageUrl(feedUrl, deps.limits.backfill.pageSize);
  const visited = new Set<string>();
  while (
    pageUrl &&
    result.pages < deps.limits.backfill.maxPages &&
    result.entries < maxPosts &&
    !visited.has(pageUrl)
  ) {
    visited.add(pageUrl);
    const fetched = await fetchFeed(pageUrl, { etag: null, lastModified: null }, deps.limits.fetch);
    if (fetched.status !== 'ok') break;
    const page = await parseFeed(fetched.body, feedUrl);
    const entries = page.posts.slice(0, maxPosts - result.entries);
    leftInPage = entries.length < page.posts.length;
    const stored = await deps.stores.seen.seen(entries.map((p) => p.id));
    const now = deps.now();
    const records = classifyPosts(
      entries.filter((p) => !stored.has(p.id)),
      deps.classify,
      now,
      deps.log,
    );
    if (records.length > 0)
      await deps.stores.recorder.recordNewPosts({
        posts: records,
        seenIds: records.map((r) => r.post.id),
        seenAt: now,
        deliveries: [],
      });
    result.pages++;
    result.entries += entries.length;
    result.stored += records.length;
    options.onProgress?.({
      page: result.pages,
      pageUrl,
      entries: result.entries,
      stored: result.stored,
    });
    pageUrl = page.posts.length > 0 ? page.nextPageUrl : null;
  }
  const more = leftInPage || (pageUrl !== null && !visited.has(pageUrl));
  if (more && result.entries >= maxPosts) result.cutShort = { by: 'max-posts', limit: maxPosts };
  else if (more) result.cutShort = { by: 'max-pages', limit: deps.limits.backfill.maxPages };
  return result;
}
