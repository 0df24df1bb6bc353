/**
 * The whole product on 127.0.0.1, booted in one place: the local Discord
 * (emulator), the local blog (feed server) and the real bot built by the
 * composition root, exactly what `jikenbo start` runs. The demo, the e2e
 * tests and the benches all boot through here. Development only: it imports
 * the dev-only workspace packages, so only `jikenbo demo` loads it, on demand.
 */
import {
  addDemoGuild,
  DiscordEmulator,
  type DemoGuild,
  type EmulatorOptions,
  type World,
} from '@jikenbo/discord-emulator';
import { FeedServer, type FixtureEntry } from '@jikenbo/feed-server';
import type { DeliveryOptions } from '../alerts/deliverAlerts.js';
import { loadConfig, type Config } from '../config/loadConfig.js';
import { deployCommands, loadCommands } from '../discord/index.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../pipeline/index.js';
import type { Stores } from '../store/openStores.js';
import type { StoreCheck } from '../store/storeIdentity.js';
import { buildClassifier, openCheckedStores } from './createApp.js';
import { startBot, type RunningBot } from './startBot.js';

export interface DevStackOptions {
  /** Entries the local blog serves from the start. */
  entries?: FixtureEntry[];
  emulator?: EmulatorOptions;
  /** STORE_URL of the bot (default memory://), or stores already open (kept open on stop). */
  store?: string | Stores;
  /** Folder of config files; the package's config/ by default. */
  configDir?: string;
  log?: Logger;
  deliveryOptions?: Partial<DeliveryOptions>;
  /** Adds servers to the local Discord before the bot logs in. */
  populate?: (world: World) => void;
  /** The bot's and its stores' clock (tests of digests and quiet hours move it); real time by default. */
  now?: () => Date;
}

export interface DevStack {
  emulator: DiscordEmulator;
  feed: FeedServer;
  /** The demo server (admin, analyst, #general, #incident-alerts, #critical, roles). */
  demo: DemoGuild;
  config: Config;
  readonly bot: RunningBot;
  readonly stores: Stores;
  /** Registers the slash commands on the demo server; returns how many. */
  deployCommands(): Promise<number>;
  /**
   * Stops the bot and starts it again on the same store (a restart); `whileDown` runs in between,
   * `beforeReopen` while a file store is closed (e.g. to delete it).
   */
  restart(whileDown?: () => Promise<void>, beforeReopen?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the local Discord, the local blog and the bot, logged in and seeing the demo server. */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const emulator = await new DiscordEmulator(options.emulator).start();
  const demo = addDemoGuild(emulator.world);
  options.populate?.(emulator.world);
  const feed = await new FeedServer(options.entries ?? []).start();
  const storeUrl = typeof options.store === 'string' ? options.store : 'memory://';
  const config = loadConfig(
    {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      FEED_URLS: feed.feedUrl,
      STORE_URL: storeUrl,
      LOG_LEVEL: 'silent',
    },
    options.configDir,
  );
  const log = options.log ?? silentLogger();
  const ownsStores = typeof options.store !== 'object';
  // The stack checks its store as `start` does: a file store wiped between restarts pauses polling.
  let storeCheck: StoreCheck = { state: 'ok' };
  let stores: Stores;
  const clock = options.now ? { now: options.now } : {};
  if (ownsStores) ({ stores, storeCheck } = await openCheckedStores(config, log, clock));
  else stores = options.store as Stores;
  const classify = buildClassifier(config);
  const boot = () =>
    startBot({
      config,
      stores,
      classify,
      log,
      storeCheck,
      schedulePolls: false,
      ...(options.now && { now: options.now }),
      ...(options.deliveryOptions && { deliveryOptions: options.deliveryOptions }),
    });
  let bot = await boot();
  return {
    emulator,
    feed,
    demo,
    config,
    get bot() {
      return bot;
    },
    get stores() {
      return stores;
    },
    async deployCommands() {
      const result = await deployCommands({
        token: emulator.token,
        apiUrl: emulator.apiUrl,
        applicationId: null,
        guildId: demo.guild.id,
        commands: await loadCommands(),
      });
      return result.count;
    },
    async restart(whileDown, beforeReopen) {
      await bot.stop();
      // A memory store survives in this process; a file store is reopened as a new process would.
      if (ownsStores && config.store.kind !== 'memory') {
        await stores.close();
        await beforeReopen?.();
        ({ stores, storeCheck } = await openCheckedStores(config, log, clock));
      }
      await whileDown?.();
      bot = await boot();
    },
    async stop() {
      await bot.stop();
      if (ownsStores) await stores.close();
      await feed.stop();
      await emulator.stop();
    },
  };
}
