/**
 * Several real `jikenbo start` processes (the built CLI, dist/) on one PostgreSQL schema, one alert
 * fanned out to many channels, optionally one process killed with SIGKILL mid-fan-out; the
 * emulator's nonce check is OFF, so a second send of one delivery is counted. Each process logs in
 * to the emulator's gateway (with its SHARD_IDS/SHARD_COUNT when given), claims the shared outbox
 * with takeover notes, looks in the channel before resending a taken-over row and takes its
 * requests from the global budget shared on PostgreSQL. Used by the e2e tests
 * (tests/e2e/multiProcessStart.test.ts, multiProcessShards.test.ts) and the bench.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeedServer } from '@jikenbo/feed-server';
import { projectRoot } from '../../src/config/projectRoot.js';
import {
  configDirWithLease,
  countFanOut,
  rateLimitedWorld,
  killAll,
  PG_URL,
  spawnNode,
  type Child,
  type FanOutCount,
  type FanOutWorld,
} from './fanOutHarness.js';

export interface StartRunOptions {
  processes: number;
  guilds: number;
  channelsPerGuild: number;
  /** SIGKILL process 0 once this many messages arrived (none: no kill). */
  killAfterMessages?: number;
  leaseSeconds?: number;
  /** Per-process shard sets; unset: every process serves every guild. */
  shardsOf?: (index: number) => { ids: number[]; count: number } | undefined;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
}

export interface StartRunResult extends FanOutCount {
  /** Messages in the channels when process 0 was killed (null: no kill). */
  atKill: number | null;
  /** Taken-over rows found already in their channel (from the processes' logs). */
  foundSent: number;
}

export function startBin(): string {
  return join(projectRoot(), 'dist', 'src', 'bin', 'jikenbo.js');
}

export function startBuilt(): boolean {
  return existsSync(startBin());
}

/** A running `jikenbo start` process. */
export interface Bot extends Child {
  foundSent: number;
}

/** Starts `jikenbo start` with `env`; its output is read for "recorded, not resent" lines. */
export function startProcess(env: NodeJS.ProcessEnv): Bot {
  const bot: Bot = {
    ...spawnNode(startBin(), ['start'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    foundSent: 0,
  };
  bot.child.stdout?.on('data', (chunk: Buffer) => {
    bot.foundSent += String(chunk).split('recorded, not resent').length - 1;
  });
  bot.child.stderr?.resume();
  return bot;
}

/** The environment of a `start` process on `world`'s schema; polls yearly (not what is measured). */
export function startEnv(
  world: FanOutWorld,
  feedUrl: string,
  configDir: string,
  shards?: { ids: number[]; count: number },
): NodeJS.ProcessEnv {
  return {
    DISCORD_TOKEN: world.emulator.token,
    DISCORD_API_URL: world.emulator.apiUrl,
    FEED_URLS: feedUrl,
    STORE_URL: `${PG_URL}?schema=${world.schema}`,
    POLL_SCHEDULE: '0 0 1 1 *',
    JIKENBO_CONFIG_DIR: configDir,
    LOG_LEVEL: 'info',
    ...(shards && { SHARD_COUNT: String(shards.count), SHARD_IDS: shards.ids.join(',') }),
  };
}

export async function runStartFanOut(options: StartRunOptions): Promise<StartRunResult> {
  const config = configDirWithLease(options.leaseSeconds ?? 2);
  const world = await rateLimitedWorld('mps', options.guilds, options.channelsPerGuild);
  const feed = await new FeedServer([]).start();
  const bots: Bot[] = [];
  try {
    for (let i = 0; i < options.processes; i++)
      bots.push(
        startProcess({
          ...startEnv(world, feed.feedUrl, config.configDir, options.shardsOf?.(i)),
          ...options.env,
        }),
      );
    await world.emulator.until(
      () => world.emulator.gateway.readySessions >= options.processes,
      `${options.processes} processes logged in`,
    );
    await world.enqueue();
    let atKill: number | null = null;
    if (options.killAfterMessages !== undefined) {
      const after = options.killAfterMessages;
      await world.emulator.until(() => world.total() >= after, `${after} messages before the kill`);
      (bots[0] as Bot).child.kill('SIGKILL');
      await (bots[0] as Bot).exited;
      atKill = world.total();
    }
    await world.settle();
    // Room for a late duplicate to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const b of bots.slice(atKill === null ? 0 : 1)) b.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    return {
      ...(await countFanOut(world)),
      atKill,
      foundSent: bots.reduce((n, b) => n + b.foundSent, 0),
    };
  } finally {
    await killAll(bots);
    await feed.stop();
    await world.close();
    config.rm();
  }
}
