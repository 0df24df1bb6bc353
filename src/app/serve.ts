/**
 * `jikenbo serve` assembled: HTTP interactions and REST only, no gateway. Slash commands arrive as
 * signed POSTs and run through the same router and command files as `start`; alerts go out over
 * REST; guild facts come from the payload and REST per request. Nothing per guild stays in memory,
 * so any number of these processes can sit behind a load balancer on one shared store.
 */
import type { DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import {
  commandContextOf,
  createHttpClient,
  createRouter,
  DiscordPublisher,
  identifyBot,
  loadCommands,
  publicKeyFromHex,
  startInteractionServer,
} from '../discord/index.js';
import {
  createCore,
  type ClassifyPost,
  type Clock,
  type Core,
  type Logger,
  type Stores,
} from '../pipeline/index.js';
import { pollLeadershipFor } from './pollLeadership.js';
import { sharedBudgetFor } from './sharedBudget.js';

export interface ServeDeps {
  config: Config;
  stores: Stores;
  classify: ClassifyPost;
  log: Logger;
  now?: Clock;
  deliveryOptions?: Partial<DeliveryOptions>;
  /** Run the poller on POLL_SCHEDULE (tests drive ticks themselves). */
  schedulePolls?: boolean;
  /** Overrides SERVE_PORT (tests use 0, any free port). */
  port?: number;
  host?: string;
}

export interface RunningServe {
  /** The Interactions Endpoint URL to register with Discord. */
  url: string;
  core: Core;
  stop(): Promise<void>;
}

/** Starts the HTTP interactions endpoint and the delivery worker; no gateway connection. */
export async function startServe(deps: ServeDeps): Promise<RunningServe> {
  const { config, stores, log } = deps;
  const token = config.discord.token;
  if (!token) throw new Error('DISCORD_TOKEN is required to serve (alerts and replies use REST)');
  if (!config.discord.publicKey) throw new Error('DISCORD_PUBLIC_KEY is required to serve');
  const publicKey = publicKeyFromHex(config.discord.publicKey);
  const { client, rest } = createHttpClient(
    config.discord.apiUrl,
    token,
    sharedBudgetFor(stores, log),
  );
  await identifyBot(client);
  const core = createCore({
    config,
    stores,
    classify: deps.classify,
    log,
    publisher: new DiscordPublisher(rest),
    ...(deps.now && { clock: deps.now }),
    ...(deps.deliveryOptions && { deliveryOptions: deps.deliveryOptions }),
    pollLeadership: pollLeadershipFor(stores),
    shards: config.shards,
  });
  const route = createRouter(await loadCommands(), commandContextOf(core));
  const server = await startInteractionServer(
    { publicKey, client, rest, route, log: log.child({ module: 'interactions' }) },
    deps.port ?? config.serve.port,
    deps.host,
  );
  core.resumeDeliveries();
  if (deps.schedulePolls !== false) core.schedulePolls();
  log.info({ url: server.url, user: client.user?.tag }, 'serving HTTP interactions');
  return {
    url: server.url,
    core,
    async stop() {
      await server.close();
      await core.stop();
      await client.destroy();
      log.info('stopped');
    },
  };
}
