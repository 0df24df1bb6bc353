/**
 * Feed trouble reaches people: after `afterFailures` failed polls of a feed in a row, one
 * notice goes to every server's admin channel (`/feed notify`), with the reason and the next
 * attempt; one recovery notice follows when the feed works again. Never one per tick.
 * `decideFeedNotices` is the pure decision; `createFeedHealthNotifier` keeps which feeds were
 * announced (seeded from the stored feed state, so a restart neither repeats nor forgets) and posts.
 */
import type { AlertMessage } from '../alerts/renderAlert.js';
import { langOf, t } from '../i18n/i18n.js';
import type { FeedState } from '../store/feedStateStore.js';
import type { TickResult } from './pollTick.js';
import type { Clock, Logger, Publisher, Stores } from './ports.js';

/** A notice for a server's admin channel: a feed failing N times in a row, or working again. */
export type FeedNotice =
  | { type: 'failing'; feedUrl: string; failures: number; reason: string; nextAttemptAt: string }
  | { type: 'recovered'; feedUrl: string; failures: number };

/**
 * The notices one tick calls for. `announced` maps each feed already announced as failing to
 * its failure count then; the returned map is the new one.
 */
export function decideFeedNotices(
  results: readonly TickResult[],
  announced: ReadonlyMap<string, number>,
  afterFailures: number,
): { notices: FeedNotice[]; announced: Map<string, number> } {
  const next = new Map(announced);
  const notices: FeedNotice[] = [];
  for (const result of results) {
    const url = result.feedUrl;
    if (result.status === 'error') {
      if (result.failures >= afterFailures && !next.has(url)) {
        next.set(url, result.failures);
        notices.push({
          type: 'failing',
          feedUrl: url,
          failures: result.failures,
          reason: result.reason,
          nextAttemptAt: result.nextAttemptAt,
        });
      } else if (next.has(url)) next.set(url, result.failures);
    } else if ((result.status === 'ok' || result.status === 'not-modified') && next.has(url)) {
      notices.push({ type: 'recovered', feedUrl: url, failures: next.get(url) as number });
      next.delete(url);
    }
    // 'backing-off' waits and 'crashed' is our fault, not the feed's: neither changes anything.
  }
  return { notices, announced: next };
}

/** The notice as a message, in `locale`'s language. */
export function renderFeedNotice(notice: FeedNotice, locale: string): AlertMessage {
  const lang = langOf(locale);
  const content =
    notice.type === 'failing'
      ? t(lang, 'feed.notice-failing', {
          feed: notice.feedUrl,
          failures: notice.failures,
          reason: notice.reason,
          next: `<t:${Math.floor(new Date(notice.nextAttemptAt).getTime() / 1000)}:R>`,
        })
      : t(lang, 'feed.notice-recovered', { feed: notice.feedUrl, failures: notice.failures });
  return { content, embeds: [], allowed_mentions: { parse: [], roles: [] } };
}

/** What the notifier reads (servers' notice channels, feed state) and posts through. */
export interface FeedHealthNotifierDeps {
  stores: Pick<Stores, 'guilds' | 'feedState'>;
  publisher: Publisher;
  afterFailures: number;
  now: Clock;
  log: Logger;
}

/** Called by the core after each tick with the tick's results. Never throws. */
export function createFeedHealthNotifier(deps: FeedHealthNotifierDeps) {
  let announced: Map<string, number> | null = null;
  const seed = async (urls: readonly string[]) => {
    const states = await Promise.all(urls.map((url) => deps.stores.feedState.get(url)));
    return new Map(
      states
        .filter((s): s is FeedState => s !== null && s.consecutiveFailures >= deps.afterFailures)
        .map((s) => [s.url, s.consecutiveFailures]),
    );
  };
  return async function afterTick(results: readonly TickResult[]): Promise<void> {
    try {
      announced ??= await seed(results.map((r) => r.feedUrl));
      const decided = decideFeedNotices(results, announced, deps.afterFailures);
      announced = decided.announced;
      if (decided.notices.length === 0) return;
      const targets = (await deps.stores.guilds.list()).flatMap((g) =>
        g.feedNotices ? [g.feedNotices] : [],
      );
      const at = deps.now().getTime();
      let n = 0;
      for (const notice of decided.notices)
        for (const target of targets)
          await deps.publisher
            // A nonce per message (Discord drops a repeated nonce in a channel).
            .publish(target.channelId, renderFeedNotice(notice, target.locale), `feed-${at}-${n++}`)
            .catch((err: unknown) =>
              deps.log.warn({ err, channelId: target.channelId }, 'feed notice not delivered'),
            );
    } catch (err) {
      deps.log.error({ err }, 'feed health notices failed');
    }
  };
}
