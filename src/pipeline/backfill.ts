/**
 * Walks a Blogger feed's pages (`start-index`/`max-results`, following
 * `rel="next"`) and stores every post with its classification, alerting none.
 */
import { fetchFeed } from '../feed/fetchFeed.js';
import { parseFeed } from '../feed/parseFeed.js';
import type { PollDeps } from './pollFeed.js';
import { classifyPosts } from './classifyPosts.js';
import type { StoredPost } from '../store/postStore.js';
import { linkableOf, linkStoredPosts, type LinkablePost } from '../incidents/linkStoredPosts.js';

/**
 * Posts written per transaction: pages are gathered until this many (or the last page), since each
 * commit costs about as much as 25 posts (index pages and a text-index segment written per commit;
 * issue 11: 25 posts a commit stored about 2,000 posts/s on SQLite, 100 about 6,000).
 */
const POSTS_PER_WRITE = 100;

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
  /** Stored posts linked, once all were stored, to the earlier incident they continue. */
  linked: number;
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
 * Stores every post of `feedUrl` not stored yet, page by page (pages gathered into atomic writes of
 * about POSTS_PER_WRITE posts, each with its seen marks), up to
 * `maxPosts` entries read; `cutShort` says when a bound stopped it before the last page.
 * Fetch and parse errors are thrown: the caller reports them (what was stored stays stored).
 */
export async function backfillFeed(
  feedUrl: string,
  deps: Omit<PollDeps, 'fanOut' | 'onRecorded'>,
  options: { maxPosts?: number; onProgress?: (progress: BackfillProgress) => void } = {},
): Promise<BackfillResult> {
  const maxPosts = options.maxPosts ?? Number.POSITIVE_INFINITY;
  const result: BackfillResult = {
    feedUrl,
    pages: 0,
    entries: 0,
    stored: 0,
    linked: 0,
    cutShort: null,
  };
  // Linked after the walk: pages come newest first, so an update is read before its first report.
  const toLink: LinkablePost[] = [];
  let leftInPage = false;
  let pageUrl: string | null = firstPageUrl(feedUrl, deps.limits.backfill.pageSize);
  const visited = new Set<string>();
  // Read but not yet written: their pages' progress is reported once they are stored.
  let pending: StoredPost[] = [];
  let pendingProgress: BackfillProgress[] = [];
  const write = async () => {
    if (pending.length > 0) {
      for (const r of pending) {
        const linkable = linkableOf(r);
        if (linkable) toLink.push(linkable);
      }
      await deps.stores.recorder.recordNewPosts({
        posts: pending,
        seenIds: pending.map((r) => r.post.id),
        seenAt: deps.now(),
        deliveries: [],
      });
    }
    for (const progress of pendingProgress) options.onProgress?.(progress);
    pending = [];
    pendingProgress = [];
  };
  try {
    while (
      pageUrl &&
      result.pages < deps.limits.backfill.maxPages &&
      result.entries < maxPosts &&
      !visited.has(pageUrl)
    ) {
      visited.add(pageUrl);
      const fetched = await fetchFeed(
        pageUrl,
        { etag: null, lastModified: null },
        deps.limits.fetch,
      );
      if (fetched.status !== 'ok') break;
      const page = await parseFeed(fetched.body, feedUrl);
      const entries = page.posts.slice(0, maxPosts - result.entries);
      leftInPage = entries.length < page.posts.length;
      const stored = await deps.stores.seen.seen(entries.map((p) => p.id));
      const queued = new Set(pending.map((r) => r.post.id));
      const records = classifyPosts(
        entries.filter((p) => !stored.has(p.id) && !queued.has(p.id)),
        deps.classify,
        deps.now(),
        deps.log,
      );
      pending.push(...records);
      result.pages++;
      result.entries += entries.length;
      result.stored += records.length;
      pendingProgress.push({
        page: result.pages,
        pageUrl,
        entries: result.entries,
        stored: result.stored,
      });
      if (pending.length >= POSTS_PER_WRITE) await write();
      pageUrl = page.posts.length > 0 ? page.nextPageUrl : null;
    }
  } finally {
    // Also when a later page fails: what was read is stored (and linked) before the error goes up.
    await write();
    result.linked = await linkBackfilled(toLink, deps);
  }
  const more = leftInPage || (pageUrl !== null && !visited.has(pageUrl));
  if (more && result.entries >= maxPosts) result.cutShort = { by: 'max-posts', limit: maxPosts };
  else if (more) result.cutShort = { by: 'max-pages', limit: deps.limits.backfill.maxPages };
  return result;
}

/** The link pass after a backfill; a store fault leaves posts unlinked (logged), never unstored. */
async function linkBackfilled(
  posts: LinkablePost[],
  deps: Omit<PollDeps, 'fanOut' | 'onRecorded'>,
): Promise<number> {
  if (!deps.linkPosts || posts.length === 0) return 0;
  try {
    return await linkStoredPosts(posts, { posts: deps.stores.posts, linkPosts: deps.linkPosts });
  } catch (err) {
    deps.log.warn(
      { err },
      'could not link backfilled posts to earlier incidents; they stay unlinked',
    );
    return 0;
  }
}
