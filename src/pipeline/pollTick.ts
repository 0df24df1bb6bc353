/** One tick of the poller: every configured feed, a few at a time, each isolated from the others. */
import { pollFeed, type FeedPollResult, type PollDeps } from './pollFeed.js';

/** One feed's result in a tick; `crashed` when an unexpected error (a store outage) stopped it. */
export type TickResult = FeedPollResult | { feedUrl: string; status: 'crashed'; reason: string };

/** Runs `work` over `items` with at most `limit` in flight, keeping result order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Polls every feed; an unexpected error in one feed (a store outage) is logged and reported, not thrown. */
export function pollTick(feedUrls: readonly string[], deps: PollDeps): Promise<TickResult[]> {
  return mapLimited(
    feedUrls,
    deps.limits.poll.maxConcurrentFeeds,
    async (feedUrl): Promise<TickResult> => {
      try {
        return await pollFeed(feedUrl, deps);
      } catch (err) {
        deps.log.error({ err, feed: feedUrl }, 'poll crashed');
        return { feedUrl, status: 'crashed', reason: (err as Error).message };
      }
    },
  );
}
