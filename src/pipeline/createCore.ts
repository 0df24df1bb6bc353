/**
 * The application core: one object that runs the whole tick (poll → classify
 * → store → match subscriptions → enqueue → deliver), the backfill, and hands
 * the use-cases their ports. Every entry point (start, poll, backfill, the
 * demo, the tests, the benches) gets its core from here, through the
 * composition root in src/app.
 */
import { AlertDeliverer, type DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import type { StoredPost } from '../store/postStore.js';
import { backfillFeed, type BackfillProgress, type BackfillResult } from './backfill.js';
import type { ClassifyPost } from './classifyPosts.js';
import type { PollDeps } from './pollFeed.js';
import { pollTick, type TickResult } from './pollTick.js';
import { startPoller, type Poller } from './poller.js';
import { leaderOnlyTick, leaseTtlFor, type LeaderTick } from './pollLeadership.js';
import type { PollLease } from '../store/sql/pollLease.js';
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
  /** Several processes on one store: scheduled ticks poll only while holding this lease. */
  pollLeadership?: { lease: PollLease; holder: string };
}

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
  /** One tick over every feed: new posts are stored and, with a publisher, alerted. */
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
      })
    : null;
  const pollLog = log.child({ module: 'poller' });
  const pollDeps: PollDeps = {
    stores,
    classify: deps.classify,
    limits: config.limits,
    now,
    log: pollLog,
    ...(deliverer && {
      onNewPosts: async (records: StoredPost[]) => {
        await deliverer.enqueue(records);
      },
    }),
  };
  const pollOnce = () => pollTick(config.feedUrls, pollDeps);
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
    pollOnce,
    // A backfill stores history: it never alerts, publisher or not.
    backfill: (feedUrl, options = {}) =>
      backfillFeed(
        feedUrl,
        { stores, classify: deps.classify, limits: config.limits, now, log: pollLog },
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
