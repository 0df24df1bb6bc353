/**
 * The e2e view of the dev stack (src/app/devStack.ts, the one stack boot):
 * a second server for isolation checks, fast rate limits and backoff, a
 * memory or temporary SQLite store, and `command()` as a named demo member.
 * Waits on events, never sleeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureEntry, FeedServer } from '@jikenbo/feed-server';
import {
  addDemoGuild,
  channel,
  role,
  str,
  subcommand,
  type CommandOption,
  type DemoGuild,
  type DiscordEmulator,
  type RateLimitConfig,
  type Reply,
  type World,
} from '@jikenbo/discord-emulator';
import { startDevStack } from '../../src/app/devStack.js';
import type { RunningBot } from '../../src/app/startBot.js';
import type { Stores } from '../../src/store/openStores.js';
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
  /** The bot's clock (digests, quiet hours); real time by default. */
  now?: () => Date;
  /** Adds to the emulator's world before the bot connects (more servers, channels of other types). */
  populate?: (world: World) => void;
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
  restart(whileDown?: () => Promise<void>, beforeReopen?: () => Promise<void>): Promise<void>;
  /** The SQLite file of a `store: 'sqlite'` stack. */
  storeFile: string | null;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-e2e-'));
  const storeFile = options.store === 'sqlite' ? join(dir, 'bot.sqlite') : null;
  let other: DemoGuild | undefined;
  const dev = await startDevStack({
    entries: options.entries ?? [],
    // A bound on each wait for the bot, not a speed claim: loaded CI machines answer slowly.
    emulator: {
      heartbeatIntervalMs: 1000,
      rateLimits: options.rateLimits ?? FAST_LIMITS,
      waitTimeoutMs: 30_000,
    },
    store: storeFile ? `sqlite://${storeFile}` : 'memory://',
    configDir: CONFIG_DIR,
    deliveryOptions: { baseBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
    ...(options.now && { now: options.now }),
    populate: (world) => {
      other = addDemoGuild(world, {
        name: 'another server',
        roles: [{ name: 'Admin', permissions: 1n << 5n }],
        members: [{ name: 'other-owner' }, { name: 'other-admin', roles: ['Admin'] }],
        channels: [{ name: 'alerts' }],
      });
      options.populate?.(world);
    },
  });
  await dev.deployCommands();
  const { emulator, demo } = dev;
  return {
    emulator,
    feed: dev.feed,
    get bot() {
      return dev.bot;
    },
    get stores() {
      return dev.stores;
    },
    demo,
    other: other as DemoGuild,
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
    restart: (whileDown, beforeReopen) => dev.restart(whileDown, beforeReopen),
    storeFile,
    async stop() {
      await dev.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sub = (
  name: string,
  value: string | number | boolean,
  type: number,
): CommandOption => ({ name, value, type });

/**
 * The demo's two subscriptions, as an admin makes them: #incident-alerts at low and above (in
 * English) and #critical at critical pinging @Security Team (in Japanese), plus `criticalExtra`.
 */
export async function subscribeDemoChannels(
  stack: Stack,
  criticalExtra: CommandOption[] = [],
): Promise<void> {
  const id = (name: string) => stack.demo.channel(name);
  await stack.command(
    'admin',
    'general',
    'alerts',
    subcommand('subscribe', [
      channel('channel', id('incident-alerts')),
      str('min_severity', 'low'),
    ]),
  );
  await stack.command(
    'admin',
    'general',
    'alerts',
    subcommand('subscribe', [
      channel('channel', id('critical')),
      str('min_severity', 'critical'),
      role('mention_role', stack.demo.role('Security Team')),
      ...criticalExtra,
    ]),
    'ja',
  );
}
