/**
 * One poll of one feed: fetch (conditional), parse, keep the entries not seen
 * before, classify and store them, and hand them to the alert side. The very
 * first poll of a feed stores history but alerts nothing.
 */
import type { Limits } from '../config/limits.js';
import { FeedFetchError, fetchFeed, type Validators } from '../feed/fetchFeed.js';
import { FeedParseError, parseFeed } from '../feed/parseFeed.js';
import type { Post } from '../feed/post.js';
import type { Logger } from '../log.js';
import { freshFeedState, type FeedState } from '../store/feedStateStore.js';
import type { Stores } from '../store/openStores.js';
import type { StoredPost } from '../store/postStore.js';
import { backoffSeconds } from '../backoff.js';
import { classifyPosts, type ClassifyPost } from './classifyPosts.js';

/** What polling one feed needs: the ports, the classifier, the limits, and where new posts go. */
export interface PollDeps {
  stores: Pick<Stores, 'feedState' | 'seen' | 'posts'>;
  classify: ClassifyPost;
  limits: Limits;
  now: () => Date;
  log: Logger;
  /** Adds incident links to new posts before they are stored (src/incidents/linkNewPosts). */
  linkPosts?: (records: StoredPost[]) => Promise<StoredPost[]>;
  /** Receives the new posts of an already-initialised feed (the alert side); must be idempotent. */
  onNewPosts?: (posts: StoredPost[]) => Promise<void>;
}

/** The outcome of polling one feed (new posts, unchanged, backing off, or an error). */
export type FeedPollResult =
  | { feedUrl: string; status: 'backing-off'; nextAttemptAt: string }
  | { feedUrl: string; status: 'not-modified' }
  | { feedUrl: string; status: 'ok'; firstPoll: boolean; entries: number; newPosts: StoredPost[] }
  | { feedUrl: string; status: 'error'; reason: string; failures: number; nextAttemptAt: string };

interface FetchedEntries {
  posts: Post[];
  validators: Validators;
}

/** Reads the first page and, after an outage, older pages until one holds an entry already seen. */
async function fetchNewEntries(
  url: string,
  state: FeedState,
  deps: PollDeps,
): Promise<FetchedEntries | 'not-modified'> {
  const first = await fetchFeed(url, state, deps.limits.fetch);
  if (first.status === 'not-modified') return first.status;
  let page = await parseFeed(first.body, first.finalUrl);
  const posts = [...page.posts];
  let pages = 1;
  while (state.initialized && page.nextPageUrl && pages <= deps.limits.poll.maxCatchUpPages) {
    const ids = page.posts.map((p) => p.id);
    if ((await deps.stores.seen.seen(ids)).size > 0) break;
    const next = await fetchFeed(
      page.nextPageUrl,
      { etag: null, lastModified: null },
      deps.limits.fetch,
    );
    if (next.status !== 'ok') break;
    page = await parseFeed(next.body, next.finalUrl);
    posts.push(...page.posts);
    pages++;
  }
  return { posts, validators: first.validators };
}

function uniqueById(posts: Post[]): Post[] {
  return [...new Map(posts.map((post) => [post.id, post])).values()];
}

/** Polls one feed; never throws for a feed problem (it is recorded and backed off). */
export async function pollFeed(url: string, deps: PollDeps): Promise<FeedPollResult> {
  const log = deps.log.child({ feed: url });
  const now = deps.now();
  const state = (await deps.stores.feedState.get(url)) ?? freshFeedState(url);
  if (state.nextAttemptAt && now < new Date(state.nextAttemptAt)) {
    return { feedUrl: url, status: 'backing-off', nextAttemptAt: state.nextAttemptAt };
  }
  const polled = { ...state, lastPolledAt: now.toISOString() };
  try {
    const fetched = await fetchNewEntries(url, state, deps);
    if (fetched === 'not-modified') {
      await deps.stores.feedState.set({ ...polled, ...healthy(now), lastResult: 'not-modified' });
      return { feedUrl: url, status: 'not-modified' };
    }
    const entries = uniqueById(fetched.posts);
    const seen = await deps.stores.seen.seen(entries.map((p) => p.id));
    const fresh = entries.filter((p) => !seen.has(p.id));
    const records = await linked(classifyPosts(fresh, deps.classify, now, log), deps, log);
    await deps.stores.posts.put(records);
    const firstPoll = !state.initialized;
    // Alerts are queued before the entries are marked seen: a crash in between re-queues
    // them next time, and the outbox drops what it already has, so nothing is lost or doubled.
    if (!firstPoll && records.length > 0) await deps.onNewPosts?.(records);
    await deps.stores.seen.markSeen(
      records.map((r) => r.post.id),
      now,
    );
    await deps.stores.feedState.set({
      ...polled,
      ...healthy(now),
      // If the classifier skipped a post, fetch unconditionally next time so it is retried.
      ...(records.length === fresh.length
        ? fetched.validators
        : { etag: null, lastModified: null }),
      initialized: true,
      lastResult: records.length > 0 ? 'new-posts' : 'no-new-posts',
    });
    if (records.length > 0) log.info({ newPosts: records.length, firstPoll }, 'stored new posts');
    return {
      feedUrl: url,
      status: 'ok',
      firstPoll,
      entries: entries.length,
      newPosts: firstPoll ? [] : records,
    };
  } catch (err) {
    if (!(err instanceof FeedFetchError || err instanceof FeedParseError)) throw err;
    const failures = state.consecutiveFailures + 1;
    const nextAttemptAt = new Date(
      now.getTime() + backoffSeconds(failures, deps.limits.backoff) * 1000,
    ).toISOString();
    await deps.stores.feedState.set({
      ...polled,
      lastResult: 'error',
      lastError: err.message,
      consecutiveFailures: failures,
      nextAttemptAt,
    });
    log.warn({ reason: err.message, failures, nextAttemptAt }, 'feed poll failed; backing off');
    return { feedUrl: url, status: 'error', reason: err.message, failures, nextAttemptAt };
  }
}

/** Links new posts to the incidents they continue; a store fault leaves them unlinked, never unstored. */
async function linked(records: StoredPost[], deps: PollDeps, log: Logger): Promise<StoredPost[]> {
  if (!deps.linkPosts || records.length === 0) return records;
  try {
    return await deps.linkPosts(records);
  } catch (err) {
    log.warn({ err }, 'could not link new posts to earlier incidents; storing them unlinked');
    return records;
  }
}

function healthy(
  now: Date,
): Pick<FeedState, 'lastSuccessAt' | 'lastError' | 'consecutiveFailures' | 'nextAttemptAt'> {
  return {
    lastSuccessAt: now.toISOString(),
    lastError: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
  };
}
