/**
 * `jikenbo start`: logs in with the Guilds intent only, answers interactions,
 * polls the feeds and delivers alerts; stop() finishes sends in flight first.
 */
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { AlertDeliverer, type DeliveryOptions } from '../alerts/deliverAlerts.js';
import type { Config } from '../config/loadConfig.js';
import type { Logger } from '../log.js';
import type { ClassifyPost } from '../pipeline/classifyPosts.js';
import { pollTick } from '../pipeline/pollTick.js';
import { startPoller, type Poller } from '../pipeline/poller.js';
import type { Stores } from '../store/openStores.js';
import type { CommandContext } from './commandModule.js';
import { DiscordPublisher } from './discordPublisher.js';
import { loadCommands } from './loadCommands.js';
import { createRouter } from './router.js';

export interface BotDeps {
  config: Config;
  stores: Stores;
  classify: ClassifyPost;
  log: Logger;
  now?: () => Date;
  deliveryOptions?: Partial<DeliveryOptions>;
  /** Run the poller on POLL_SCHEDULE (tests and the demo drive ticks themselves). */
  schedulePolls?: boolean;
}

export interface RunningBot {
  client: Client;
  deliverer: AlertDeliverer;
  /** Runs one poll tick now (what the schedule does). */
  pollOnce(): ReturnType<typeof pollTick>;
  stop(): Promise<void>;
}

export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const { config, stores, log } = deps;
  const token = config.discord.token;
  if (!token) throw new Error('DISCORD_TOKEN is required to start the bot');
  const now = deps.now ?? (() => new Date());
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.discord.apiUrl },
    // The bot reads guilds, text channels and roles (for permission checks) and its own
    // member; nothing else is cached, which keeps memory flat with thousands of servers.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadManager: 0,
      GuildMemberManager: {
        maxSize: 0,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
  });
  const publisher = new DiscordPublisher(client.rest);
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now,
    log: log.child({ module: 'delivery' }),
    options: deps.deliveryOptions,
  });
  const ctx: CommandContext = {
    stores,
    publisher,
    feedUrls: config.feedUrls,
    now,
    log: log.child({ module: 'commands' }),
  };
  const route = createRouter(await loadCommands(), ctx);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardResume, () => log.info('gateway session resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  log.info({ guilds: client.guilds.cache.size, user: client.user?.tag }, 'logged in');

  const pollDeps = {
    stores,
    classify: deps.classify,
    limits: config.limits,
    now,
    log: log.child({ module: 'poller' }),
    onNewPosts: async (records: Parameters<AlertDeliverer['enqueue']>[0]) => {
      await deliverer.enqueue(records);
    },
  };
  const pollOnce = () => pollTick(config.feedUrls, pollDeps);
  // Deliveries left pending by a previous run resume now.
  deliverer.kick();
  const poller: Poller | null =
    deps.schedulePolls === false
      ? null
      : startPoller(config.pollSchedule, pollOnce, log.child({ module: 'poller' }));

  return {
    client,
    deliverer,
    pollOnce,
    async stop() {
      await poller?.stop();
      await deliverer.stop();
      await client.destroy();
      log.info('stopped');
    },
  };
}
