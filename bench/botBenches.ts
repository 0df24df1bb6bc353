/**
 * Bot benchmarks through the emulator: one alert fanned out to 1,000 channels
 * in 100 servers at Discord's real limits, and slash-command latency with
 * 10,000 stored incidents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DISCORD_RATE_LIMITS,
  int,
  str,
  subcommand,
  type CommandOption,
} from '@jikenbo/discord-emulator';
import { buildClassifier } from '../src/app/createApp.js';
import { startDevStack } from '../src/app/devStack.js';
import { startBot } from '../src/app/startBot.js';
import { loadConfig } from '../src/config/loadConfig.js';
import { parseFeed } from '../src/feed/parseFeed.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { classifyPost } from '../src/classify/classifyPost.js';
import { silentLogger } from '../src/log.js';
import { memoryStores } from '../src/store/openStores.js';
import type { StoredPost } from '../src/store/postStore.js';
import { percentile } from './stats.js';
import { addServers, manyIncidents, subscribeAll } from './world.js';

// Our own 66-entry test blog: present in every clone, unlike ../shared.
const TEST_FEEDS_DIR = join(projectRoot(), 'tests', 'fixtures', 'feeds');

export async function fixturePosts(): Promise<StoredPost[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const xml = readFileSync(join(TEST_FEEDS_DIR, 'blogger.atom.xml'), 'utf8');
  const now = new Date().toISOString();
  return (await parseFeed(xml, 'bench')).posts.map((post) => ({
    post,
    classification: classifyPost(post, config.classifierRules),
    storedAt: now,
  }));
}

/** Starts the real bot against a Discord at `discord` (an emulator, here or in another process). */
export async function bootBot(discord: { token: string; apiUrl: string }, stores = memoryStores()) {
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    FEED_URLS: 'http://127.0.0.1:1/feed',
    STORE_URL: 'memory://',
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot({
    config,
    stores,
    classify: buildClassifier(config),
    log: silentLogger(),
    schedulePolls: false,
  });
  return { bot, stores };
}

export async function runFanOutBench(guilds = 100, channelsPerGuild = 10): Promise<string[]> {
  let servers: ReturnType<typeof addServers> = [];
  const stack = await startDevStack({
    emulator: { rateLimits: DISCORD_RATE_LIMITS, waitTimeoutMs: 600_000 },
    populate: (world) => {
      servers = addServers(world, guilds, channelsPerGuild);
    },
  });
  const { emulator, bot, stores } = stack;
  for (const settings of subscribeAll(servers)) await stores.guilds.set(settings);
  const record = (await fixturePosts()).find(
    (r) => r.classification.kind === 'incident',
  ) as StoredPost;
  await stores.posts.put([record]);
  const total = guilds * channelsPerGuild;
  const channelIds = servers.flatMap((s) => s.channelIds);
  const countSent = () => channelIds.reduce((n, id) => n + emulator.world.messagesIn(id).length, 0);
  const started = process.hrtime.bigint();
  const firstRequest = emulator.requests.length;
  await bot.deliverer.enqueue([record]);
  await emulator.until(() => countSent() >= total, `${total} alerts`);
  await bot.deliverer.idle();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perChannel = channelIds.map((id) => emulator.world.messagesIn(id).length);
  const requests = emulator.requests.slice(firstRequest);
  const limited = requests.filter((r) => r.status === 429).length;
  await stack.stop();
  const rate = total / seconds;
  return [
    `fan-out: 1 alert to ${total} channels in ${guilds} servers at Discord's limits (50 req/s global, 5 msgs/5 s per channel)`,
    `  ${seconds.toFixed(2)} s, ${rate.toFixed(1)} messages/s = ${((rate / 50) * 100).toFixed(1)}% of the 50 req/s global limit; ` +
      `duplicates ${perChannel.filter((n) => n > 1).length}, lost ${perChannel.filter((n) => n === 0).length}, 429s ${limited}`,
  ];
}

export async function runCommandLatencyBench(incidents = 10_000, rounds = 300): Promise<string[]> {
  const stack = await startDevStack({
    emulator: {
      rateLimits: {
        enabled: false,
        globalPerSecond: 50,
        messagesPerChannel: { limit: 5, windowMs: 5000 },
      },
    },
  });
  const { emulator, demo, stores } = stack;
  await stores.posts.put(manyIncidents(await fixturePosts(), incidents));
  await stack.deployCommands();
  const target = {
    guildId: demo.guild.id,
    channelId: demo.channel('general'),
    userId: demo.user('analyst'),
  };
  const plays: Array<[string, CommandOption[]]> = [
    ['latest', subcommand('latest', [int('count', 10)])],
    ['search', subcommand('search', [str('query', '株式会社')])],
    ['show', subcommand('show', [str('id', '2019-500')])],
    ['stats', subcommand('stats', [int('days', 3650)])],
  ];
  const times = new Map<string, number[]>();
  for (let i = 0; i < rounds; i++) {
    const [name, options] = plays[i % plays.length] as [string, CommandOption[]];
    const started = process.hrtime.bigint();
    await emulator.runCommand(target, 'incident', options);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (i >= plays.length) times.set(name, [...(times.get(name) ?? []), ms]);
  }
  await stack.stop();
  const all = [...times.values()].flat().sort((a, b) => a - b);
  const lines = [
    `slash commands with ${incidents} stored incidents, dispatch to callback (${all.length} commands after warm-up):`,
  ];
  lines.push(
    `  all       p50 ${percentile(all, 50).toFixed(2)} ms  p99 ${percentile(all, 99).toFixed(2)} ms`,
  );
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    lines.push(
      `  ${name.padEnd(9)} p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms`,
    );
  }
  return lines;
}
