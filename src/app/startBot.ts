/**
 * `jikenbo start` assembled: the Discord client and publisher (adapter), the
 * core with that publisher, interactions routed into the core, pending
 * deliveries resumed, polls scheduled. stop() finishes sends in flight first.
 */
import type { AlertDeliverer, DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import {
  attachInteractions,
  createDiscordClient,
  DiscordPublisher,
  loginAndWait,
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
  const client = createDiscordClient(config.discord.apiUrl, config.shards);
  const core = createCore({
    config,
    stores,
    classify: deps.classify,
    log,
    publisher: new DiscordPublisher(client.rest, () => client.user?.id),
    ...(deps.now && { clock: deps.now }),
    ...(deps.deliveryOptions && { deliveryOptions: deps.deliveryOptions }),
    ...(deps.storeCheck && { storeCheck: deps.storeCheck }),
    pollLeadership: pollLeadershipFor(stores),
    shards: config.shards,
  });
  await attachInteractions(client, core, log);
  await loginAndWait(client, token, log);
  // Deliveries left pending by a previous run resume now.
  core.resumeDeliveries();
  // On the shared engine another process's poll queues deliveries this one must help send (and a
  // dead process's claims come back): look for due rows every second (one indexed query).
  const outboxWatch =
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
    async stop() {
      if (outboxWatch) clearInterval(outboxWatch);
      await core.stop();
      await client.destroy();
      log.info('stopped');
    },
  };
}
