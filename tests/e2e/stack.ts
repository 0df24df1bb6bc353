/**
 * The whole product on 127.0.0.1: the Discord emulator, a feed server over the
 * shared fixtures, and the real bot (`startBot`, exactly what `jikenbo start`
 * runs) with a memory or temporary SQLite store. Waits on events, never sleeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createClassifier } from '../../src/classify/classifyPost.js';
import { type FixtureEntry, FeedServer } from '@jikenbo/feed-server';
import {
  addDemoGuild,
  type DemoGuild,
  DiscordEmulator,
  type CommandOption,
  type Reply,
  type RateLimitConfig,
} from '@jikenbo/discord-emulator';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { loadCommands } from '../../src/discord/loadCommands.js';
import { startBot, type RunningBot } from '../../src/discord/startBot.js';
import { silentLogger } from '../../src/log.js';
import { openStores, type Stores } from '../../src/store/openStores.js';
import { CONFIG_DIR } from '../helpers/paths.js';

export const FAST_LIMITS: RateLimitConfig = {
  enabled: true,
  globalPerSecond: 50,
  messagesPerChannel: { limit: 50, windowMs: 1000 },
};

export interface StackOptions {
  store?: 'memory' | 'sqlite';
  entries?: FixtureEntry[];
  rateLimits?: RateLimitConfig;
}

export interface Stack {
  emulator: DiscordEmulator;
  feed: FeedServer;
  bot: RunningBot;
  stores: Stores;
  demo: DemoGuild;
  /** A second server, for isolation checks. */
  other: DemoGuild;
  /** Runs a command as `user` (a demo member name) in `channel` (a demo channel name). */
  command(
    user: string,
    channel: string,
    name: string,
    options?: CommandOption[],
    locale?: string,
  ): Promise<Reply>;
  /** Stops the bot and starts it again on the same store (a restart); `whileDown` runs in between. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await new DiscordEmulator({
    heartbeatIntervalMs: 1000,
    rateLimits: options.rateLimits ?? FAST_LIMITS,
  }).start();
  const demo = addDemoGuild(emulator.world);
  const other = addDemoGuild(emulator.world, {
    name: 'another server',
    roles: [{ name: 'Admin', permissions: 1n << 5n }],
    members: [{ name: 'other-owner' }, { name: 'other-admin', roles: ['Admin'] }],
    channels: [{ name: 'alerts' }],
  });
  const feed = await new FeedServer(options.entries ?? []).start();
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-e2e-'));
  const storeUrl = options.store === 'sqlite' ? `sqlite://${join(dir, 'bot.sqlite')}` : 'memory://';
  const config = loadConfig(
    {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      FEED_URLS: feed.feedUrl,
      STORE_URL: storeUrl,
      LOG_LEVEL: 'silent',
    },
    CONFIG_DIR,
  );
  const log = silentLogger();
  let stores = await openStores(config.store, log);
  const classify = createClassifier(config.classifierRules);
  const boot = () =>
    startBot({
      config,
      stores,
      classify,
      log,
      schedulePolls: false,
      deliveryOptions: { baseBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
    });
  let bot = await boot();
  await deployCommands({
    token: emulator.token,
    apiUrl: emulator.apiUrl,
    applicationId: null,
    guildId: demo.guild.id,
    commands: await loadCommands(),
  });
  const stack: Stack = {
    emulator,
    feed,
    get bot() {
      return bot;
    },
    get stores() {
      return stores;
    },
    demo,
    other,
    command: (user, channel, name, opts = [], locale = 'en-US') =>
      emulator.runCommand(
        {
          guildId: demo.guild.id,
          channelId: demo.channel(channel),
          userId: demo.user(user),
          locale,
        },
        name,
        opts,
      ),
    async restart(whileDown) {
      await bot.stop();
      if (options.store === 'sqlite') {
        await stores.close();
        stores = await openStores(config.store, log);
      }
      await whileDown?.();
      bot = await boot();
    },
    async stop() {
      await bot.stop();
      await stores.close();
      await feed.stop();
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

export const sub = (
  name: string,
  value: string | number | boolean,
  type: number,
): CommandOption => ({ name, value, type });
