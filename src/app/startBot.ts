/**
 * `jikenbo start` assembled: the Discord client and publisher (adapter), the
 * core with that publisher, interactions routed into the core, pending
 * deliveries resumed, polls scheduled. stop() finishes sends in flight first.
 */
import type { AlertDeliverer, DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import {
  attachInteractions,
  countInvalidRequests,
  createDiscordClient,
  InvalidRequestBudget,
  RouteBackoff,
  DiscordPublisher,
  loginAndWait,
  manageChannelsCheck,
  watchAuth,
  type DiscordAuthError,
} from '../discord/index.js';
import {
  createCore,
  type ClassifyPost,
  type Clock,
  type Core,
  type Logger,
  type Stores,
  type TickResult,
} from '../pipeline/index.js';
import { pollLeadershipFor } from './pollLeadership.js';
import { sharedBudgetFor } from './sharedBudget.js';

import type { StoreCheck } from '../store/storeIdentity.js';

export interface BotDeps {
  config: Config;
  stores: Stores;
  classify: ClassifyPost;
  log: Logger;
  now?: Clock;
  deliveryOptions?: Partial<DeliveryOptions>;
  /** Run the poller on POLL_SCHEDULE (tests and the demo drive ticks themselves). */
  schedulePolls?: boolean;
  /**
   * Called once when Discord refuses the token after start (REST 401, gateway
   * 4004), after it was logged at fatal: `jikenbo start` turns it into exit 1
   * so a supervisor restarts the process. Without it the bot stops itself.
   */
  onFatal?: (err: DiscordAuthError) => void;
  /** What the store identity check found (a replaced store pauses polling). */
  storeCheck?: StoreCheck;
}

export interface RunningBot {
  client: ReturnType<typeof createDiscordClient>;
  core: Core;
  deliverer: AlertDeliverer;
  /** Runs one poll tick now (what the schedule does). */
  pollOnce(): Promise<TickResult[]>;
  stop(): Promise<void>;
}

/** How often a process on the shared engine looks for deliveries other processes queued. */
const SHARED_OUTBOX_LOOK_MS = 1_000;

/** Logs in and runs the bot until stop(). */
export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const { config, stores, log } = deps;
  const token = config.discord.token;
  if (!token) throw new Error('DISCORD_TOKEN is required to start the bot');
  const client = createDiscordClient(
    config.discord.apiUrl,
    config.shards,
    sharedBudgetFor(stores, log),
  );
  const limits = config.limits.discord;
  const budget = new InvalidRequestBudget({
    limit: limits.invalidRequestLimit,
    windowMs: limits.invalidRequestWindowSeconds * 1000,
    log,
  });
  countInvalidRequests(client.rest, budget);
  const publisher = new DiscordPublisher(client.rest, {
    budget,
    backoff: new RouteBackoff(limits.rateLimitBackoff),
    botUserId: () => client.user?.id,
    canManageChannel: manageChannelsCheck(client),
  });
  const core = createCore({
    config,
    stores,
    classify: deps.classify,
    log,
    publisher,
    ...(deps.now && { clock: deps.now }),
    ...(deps.deliveryOptions && { deliveryOptions: deps.deliveryOptions }),
    ...(deps.storeCheck && { storeCheck: deps.storeCheck }),
    pollLeadership: pollLeadershipFor(stores),
    shards: config.shards,
  });
  await attachInteractions(client, core, log);
  let stopping: Promise<void> | null = null;
  let outboxWatch: NodeJS.Timeout | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (outboxWatch) clearInterval(outboxWatch);
      await core.stop();
      await client.destroy();
      log.info('stopped');
    })());
  watchAuth(client, (err) => {
    log.fatal({ err: { name: err.name, message: err.message } }, 'Discord refused the token');
    if (deps.onFatal) deps.onFatal(err);
    else void stop();
  });
  try {
    await loginAndWait(client, token, log);
  } catch (err) {
    await stop();
    throw err;
  }
  // Deliveries left pending by a previous run resume now.
  core.resumeDeliveries();
  // On the shared engine another process's poll queues deliveries this one must help send (and a
  // dead process's claims come back): look for due rows every second (one indexed query).
  outboxWatch =
    config.store.kind === 'postgres'
      ? setInterval(() => core.resumeDeliveries(), SHARED_OUTBOX_LOOK_MS)
      : null;
  outboxWatch?.unref();
  if (deps.schedulePolls !== false) core.schedulePolls();
  return {
    client,
    core,
    deliverer: core.deliverer as AlertDeliverer,
    pollOnce: () => core.pollOnce(),
    stop,
  };
}
