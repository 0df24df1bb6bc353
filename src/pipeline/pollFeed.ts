/**
 * One poll of one feed: fetch (conditional), parse, keep the entries not seen
 * before, classify them, fan them out into deliveries, and write posts, seen
 * marks and deliveries in one atomic step (the recorder). The very first poll
 * of a feed stores history but alerts nothing.
 */
import type { Limits } from '../config/limits.js';
import { FeedFetchError, fetchFeed, type Validators } from '../feed/fetchFeed.js';
import { FeedParseError, parseFeed } from '../feed/parseFeed.js';
import type { Post } from '../feed/post.js';
import type { Logger } from '../log.js';
import { freshFeedState, type FeedState } from '../store/feedStateStore.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { backoffSeconds } from '../backoff.js';
import { classifyPosts, type ClassifyPost } from './classifyPosts.js';

/** What polling one feed needs: the ports, the classifier, the limits, and where new posts go. */
export interface PollDeps {
  stores: Pick<Stores, 'feedState' | 'seen' | 'posts' | 'recorder'>;
  classify: ClassifyPost;
  limits: Limits;
  now: () => Date;
  log: Logger;
  /** Adds incident links to new posts before they are stored (src/incidents/linkNewPosts). */
  linkPosts?: (records: StoredPost[]) => Promise<StoredPost[]>;
  /**
   * Turns the new posts of an already-initialised feed into deliveries (the alert side). It runs
   * BEFORE the write, so the deliveries are stored in the same atomic step as the posts.
   */
  fanOut?: (posts: readonly StoredPost[]) => Promise<Delivery[]>;
  /** Told, after the write committed, which new posts were alerted and which deliveries were queued. */
  onRecorded?: (posts: StoredPost[], enqueued: Delivery[]) => void;
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
    const firstPoll = !state.initialized;
    const alerting = !firstPoll && records.length > 0;
    const deliveries = alerting && deps.fanOut ? await deps.fanOut(records) : [];
    // One atomic step: posts, their deliveries and their seen marks, or nothing (issue 9). A failed
    // write throws a StoreError: nothing is marked seen, and the next poll tries these posts again.
    const { enqueued } =
      records.length > 0
        ? await deps.stores.recorder.recordNewPosts({
            posts: records,
            seenIds: records.map((r) => r.post.id),
            seenAt: now,
            deliveries,
          })
        : { enqueued: [] };
    if (alerting) deps.onRecorded?.(records, enqueued);
    // After the step: a crash before this line polls again unconditionally, and the entries are seen.
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
