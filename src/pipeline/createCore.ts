/**
 * The application core: one object that runs the whole tick (poll → classify
 * → store → match subscriptions → enqueue → deliver), the backfill, and hands
 * the use-cases their ports. Every entry point (start, poll, backfill, the
 * demo, the tests, the benches) gets its core from here, through the
 * composition root in src/app.
 */
import { AlertDeliverer, type DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import { linkNewPosts } from '../incidents/linkNewPosts.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import type { StoreCheck } from '../store/storeIdentity.js';
import { backfillFeed, type BackfillProgress, type BackfillResult } from './backfill.js';
import type { ClassifyPost } from './classifyPosts.js';
import { createFeedHealthNotifier } from './feedHealthNotices.js';
import type { PollDeps } from './pollFeed.js';
import { pollTick, type TickResult } from './pollTick.js';
import { startPoller, type Poller } from './poller.js';
import { leaderOnlyTick, leaseTtlFor, type LeaderTick } from './pollLeadership.js';
import type { PollLease } from '../store/sql/pollLease.js';
import type { ShardSet } from '../store/sql/shards.js';
import { systemClock, type Clock, type Logger, type Publisher, type Stores } from './ports.js';

/** What the core is built from: validated config, the ports, and the classifier. */
export interface CoreDeps {
  config: Pick<Config, 'feedUrls' | 'limits' | 'pollSchedule'>;
  stores: Stores;
  classify: ClassifyPost;
  log: Logger;
  clock?: Clock;
  /** Where alerts go; without one the core polls and stores but alerts nothing (`jikenbo poll`). */
  publisher?: Publisher;
  /** Test and bench overrides of config `limits.delivery` (e.g. a short backoff). */
  deliveryOptions?: Partial<DeliveryOptions>;
  /** What the store identity check found at open; a `replaced` store pauses polling. */
  storeCheck?: StoreCheck;
  /** Several processes on one store: scheduled ticks poll only while holding this lease. */
  pollLeadership?: { lease: PollLease; holder: string };
  /** The shards this process delivers for (SHARD_IDS of SHARD_COUNT); default all. */
  shards?: ShardSet;
}

/**
 * Whether the core polls. Paused when the store is not the one used before (wiped or replaced):
 * taking its next poll as history would silently drop the posts published in the gap. Commands
 * keep answering; `/feed status` says why.
 */
export type PollStatus =
  | { state: 'active' }
  | {
      state: 'paused';
      reason: 'store-replaced';
      /** The install id the bot used before, and the one the store has now (created when). */
      expectedInstallId: string;
      foundInstallId: string;
      foundCreatedAt: string;
    };

/** The running application core. */
export interface Core {
  readonly stores: Stores;
  readonly feedUrls: readonly string[];
  /** The validated operational limits (config/limits.json). */
  readonly limits: Config['limits'];
  readonly now: Clock;
  readonly log: Logger;
  /** Where alerts go, when the core has a publisher. */
  readonly publisher: Publisher | null;
  /** The delivery worker, present when the core has a publisher. */
  readonly deliverer: AlertDeliverer | null;
  /** Active, or paused (and why). */
  pollStatus(): PollStatus;
  /** One tick over every feed: new posts are stored and, with a publisher, alerted; none while paused. */
  pollOnce(): Promise<TickResult[]>;
  /** Stores every past post of `feedUrl` without alerting. */
  backfill(
    feedUrl: string,
    options?: { maxPosts?: number; onProgress?: (progress: BackfillProgress) => void },
  ): Promise<BackfillResult>;
  /** Runs `pollOnce` on POLL_SCHEDULE, never two ticks at once. */
  schedulePolls(): Poller;
  /** Resumes deliveries a previous run left pending. */
  resumeDeliveries(): void;
  /** Stops the schedule (if started) and the deliverer, finishing sends in flight. */
  stop(): Promise<void>;
}

/** Builds the core from its ports. */
export function createCore(deps: CoreDeps): Core {
  const { config, stores, log } = deps;
  const now = deps.clock ?? systemClock;
  const deliverer = deps.publisher
    ? new AlertDeliverer({
        stores,
        publisher: deps.publisher,
        now,
        log: log.child({ module: 'delivery' }),
        options: { ...config.limits.delivery, ...deps.deliveryOptions },
        ...(deps.shards && { shards: deps.shards }),
      })
    : null;
  const pollLog = log.child({ module: 'poller' });
  const pollDeps: PollDeps = {
    stores,
    classify: deps.classify,
    limits: config.limits,
    now,
    log: pollLog,
    linkPosts: (records: StoredPost[]) =>
      linkNewPosts(records, stores.archive, { windowDays: config.limits.incidents.linkWindowDays }),
    ...(deliverer && {
      fanOut: (records: readonly StoredPost[]) => deliverer.fanOut(records),
      onRecorded: (_records: StoredPost[], enqueued: Delivery[]) => deliverer.queued(enqueued),
    }),
  };
  const afterTick = deps.publisher
    ? createFeedHealthNotifier({
        stores,
        publisher: deps.publisher,
        afterFailures: config.limits.feedNotices.afterFailures,
        now,
        log: log.child({ module: 'feed-notices' }),
      })
    : null;
  const check = deps.storeCheck ?? { state: 'ok' };
  const status: PollStatus =
    check.state === 'replaced'
      ? {
          state: 'paused',
          reason: 'store-replaced',
          expectedInstallId: check.expected,
          foundInstallId: check.found,
          foundCreatedAt: check.foundCreatedAt,
        }
      : { state: 'active' };
  if (status.state === 'paused') {
    pollLog.error(
      { expected: check.state === 'replaced' && check.expected, found: status.foundInstallId },
      'the store is not the one used before (wiped or replaced): polling is paused so that posts published meanwhile are not taken as history; set ACCEPT_NEW_STORE=true (or --accept-new-store) to accept it',
    );
  } else if (check.state === 'accepted') {
    pollLog.warn(
      { expected: check.expected, found: check.found },
      'accepted a new store in place of the one used before: its first poll is history',
    );
  }
  const pollOnce = async () => {
    if (status.state === 'paused') {
      pollLog.error(
        'polling paused: the store was wiped or replaced (ACCEPT_NEW_STORE=true accepts it)',
      );
      return [];
    }
    const results = await pollTick(config.feedUrls, pollDeps);
    await afterTick?.(results);
    return results;
  };
  let poller: Poller | null = null;
  let leaderTick: LeaderTick | null = null;
  return {
    stores,
    feedUrls: config.feedUrls,
    limits: config.limits,
    now,
    log,
    publisher: deps.publisher ?? null,
    deliverer,
    pollStatus: () => status,
    pollOnce,
    // A backfill stores history: it never alerts, publisher or not.
    backfill: (feedUrl, options = {}) =>
      backfillFeed(
        feedUrl,
        {
          stores,
          classify: deps.classify,
          limits: config.limits,
          now,
          log: pollLog,
          linkPosts: pollDeps.linkPosts,
        },
        options,
      ),
    schedulePolls() {
      leaderTick ??= deps.pollLeadership
        ? leaderOnlyTick(pollOnce, {
            ...deps.pollLeadership,
            ttlMs: leaseTtlFor(config.pollSchedule),
            log: pollLog,
          })
        : null;
      poller ??= startPoller(config.pollSchedule, leaderTick ?? pollOnce, pollLog);
      return poller;
    },
    resumeDeliveries: () => deliverer?.kick(),
    async stop() {
      await poller?.stop();
      await leaderTick?.release().catch((err: unknown) => pollLog.warn({ err }, 'poll lease kept'));
      await deliverer?.stop();
    },
  };
}
