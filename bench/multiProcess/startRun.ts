/**
 * Several real `jikenbo start` processes (the built CLI, dist/) on one PostgreSQL schema, one alert
 * fanned out to many channels, optionally one process killed with SIGKILL mid-fan-out; the
 * emulator's nonce check is OFF, so a second send of one delivery is counted. Each process logs in
 * to the emulator's gateway (with its SHARD_IDS/SHARD_COUNT when given), claims the shared outbox
 * with takeover notes and looks in the channel before resending a taken-over row. Used by the e2e
 * test (tests/e2e/multiProcessStart.test.ts) and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DiscordEmulator } from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { fanOut } from '../../src/alerts/fanOut.js';
import { projectRoot } from '../../src/config/projectRoot.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { fixturePosts } from '../botBenches.js';
import { addServers, subscribeAll } from '../world.js';
import { PG_URL } from './fanOutRun.js';

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

export interface StartRunResult {
  channels: number;
  lost: number;
  duplicates: number;
  messages: number;
  /** Messages in the channels when process 0 was killed (null: no kill). */
  atKill: number | null;
  seconds: number;
  perSecond: number;
  pendingLeft: number;
  /** Taken-over rows found already in their channel (from the processes' logs). */
  foundSent: number;
}

export function startBin(): string {
  return join(projectRoot(), 'dist', 'src', 'bin', 'jikenbo.js');
}

export function startBuilt(): boolean {
  return existsSync(startBin());
}

interface Bot {
  child: ChildProcess;
  exited: Promise<void>;
  foundSent: number;
}

function startProcess(env: NodeJS.ProcessEnv): Bot {
  const child = spawn(process.execPath, [startBin(), 'start'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bot: Bot = {
    child,
    exited: new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    }),
    foundSent: 0,
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    bot.foundSent += String(chunk).split('recorded, not resent').length - 1;
  });
  child.stderr?.resume();
  return bot;
}

export async function runStartFanOut(options: StartRunOptions): Promise<StartRunResult> {
  const schema = `mps_${randomUUID().replace(/-/g, '')}`;
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-mps-'));
  const configDir = join(dir, 'config');
  mkdirSync(configDir);
  cpSync(join(projectRoot(), 'config'), configDir, { recursive: true });
  const limits = JSON.parse(readFileSync(join(configDir, 'limits.json'), 'utf8'));
  limits.delivery.leaseSeconds = options.leaseSeconds ?? 2;
  writeFileSync(join(configDir, 'limits.json'), JSON.stringify(limits));

  const emulator = await new DiscordEmulator({
    rateLimits: {
      enabled: true,
      globalPerSecond: 50,
      messagesPerChannel: { limit: 5, windowMs: 5_000 },
    },
    waitTimeoutMs: 300_000,
  }).start();
  emulator.world.nonceCheck = false;
  const feed = await new FeedServer([]).start();
  const servers = addServers(emulator.world, options.guilds, options.channelsPerGuild);
  const channelIds = servers.flatMap((s) => s.channelIds);
  const stores = await openSqlStores({ engine: 'postgres', url: PG_URL, schema }, silentLogger());
  const bots: Bot[] = [];
  try {
    const settings = subscribeAll(servers);
    for (const s of settings) await stores.guilds.update(s.guildId, () => s);
    const record = (await fixturePosts()).find(
      (r) => r.classification.kind === 'incident' && r.classification.severity !== 'info',
    );
    if (!record) throw new Error('no incident among the fixture posts');
    await stores.posts.put([record]);
    for (let i = 0; i < options.processes; i++) {
      const shards = options.shardsOf?.(i);
      bots.push(
        startProcess({
          DISCORD_TOKEN: emulator.token,
          DISCORD_API_URL: emulator.apiUrl,
          FEED_URLS: feed.feedUrl,
          STORE_URL: `${PG_URL}?schema=${schema}`,
          // Polls are not what this measures: yearly.
          POLL_SCHEDULE: '0 0 1 1 *',
          JIKENBO_CONFIG_DIR: configDir,
          LOG_LEVEL: 'info',
          ...(shards && { SHARD_COUNT: String(shards.count), SHARD_IDS: shards.ids.join(',') }),
          ...options.env,
        }),
      );
    }
    await emulator.until(
      () => emulator.gateway.readySessions >= options.processes,
      `${options.processes} processes logged in`,
    );
    await stores.outbox.enqueue(fanOut([record], settings, new Date()));
    const total = () => channelIds.reduce((n, c) => n + emulator.world.messagesIn(c).length, 0);
    let atKill: number | null = null;
    if (options.killAfterMessages !== undefined) {
      const after = options.killAfterMessages;
      await emulator.until(() => total() >= after, `${after} messages before the kill`);
      (bots[0] as Bot).child.kill('SIGKILL');
      await (bots[0] as Bot).exited;
      atKill = total();
    }
    await emulator.until(
      () => channelIds.every((c) => emulator.world.messagesIn(c).length > 0),
      'every channel to have its alert',
    );
    while ((await stores.outbox.pending()).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Room for a late duplicate to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const b of bots.slice(atKill === null ? 0 : 1)) b.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    const counts = channelIds.map((c) => emulator.world.messagesIn(c).length);
    const times = channelIds
      .flatMap((c) => emulator.world.messagesIn(c).map((m) => Date.parse(String(m.timestamp))))
      .sort((a, b) => a - b);
    const seconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    const messages = counts.reduce((a, b) => a + b, 0);
    return {
      channels: channelIds.length,
      lost: counts.filter((n) => n === 0).length,
      duplicates: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
      messages,
      atKill,
      seconds,
      perSecond: seconds > 0 ? messages / seconds : messages,
      pendingLeft: (await stores.outbox.pending()).length,
      foundSent: bots.reduce((n, b) => n + b.foundSent, 0),
    };
  } finally {
    for (const b of bots)
      if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await Promise.all(bots.map((b) => b.exited));
    await stores.close();
    await feed.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}
