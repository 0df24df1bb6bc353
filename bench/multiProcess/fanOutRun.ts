/**
 * Several delivery processes on one PostgreSQL, one alert fanned out to many channels, one process
 * killed with SIGKILL in the middle: how many channels got their alert not at all (lost) or more
 * than once (duplicates), counted by the emulator with Discord's nonce check OFF, and the rate the
 * processes sustained together. Used by the e2e test (200 channels) and the bench (1,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { DiscordEmulator } from '@jikenbo/discord-emulator';
import { fanOut } from '../../src/alerts/fanOut.js';
import { projectRoot } from '../../src/config/projectRoot.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { inShards } from '../../src/store/sql/shards.js';
import { fixturePosts } from '../botBenches.js';
import { addServers, subscribeAll } from '../world.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface FanOutRunOptions {
  processes: number;
  guilds: number;
  channelsPerGuild: number;
  /** Kill process 0 with SIGKILL once this many messages arrived (none: no kill). */
  killAfterMessages?: number;
  leaseMs?: number;
  /** Per-process shard sets; unset: every process serves every guild. */
  shardsOf?: (index: number) => { ids: number[]; count: number } | undefined;
}

export interface FanOutRunResult {
  channels: number;
  /** Channels without their alert. */
  lost: number;
  /** Messages beyond the first in a channel. */
  duplicates: number;
  messages: number;
  /** From the first message to the last. */
  seconds: number;
  perSecond: number;
  killedPid: number | null;
  /** Messages each worker sent, by worker id. */
  sentBy: Record<string, number>;
  /** Alerts a process sent for a guild outside its shards (should be 0). */
  wrongShard: number;
  /** Taken-over deliveries found already in their channel, recorded without a resend. */
  foundSent: number;
  /** Deliveries the store still has pending at the end (should be 0). */
  pendingLeft: number;
}

/** Where the built worker is; the test and bench run it from dist (npm run build). */
export function workerScript(): string {
  return join(projectRoot(), 'dist', 'bench', 'multiProcess', 'deliveryWorker.js');
}

export function workerBuilt(): boolean {
  return existsSync(workerScript());
}

interface Worker {
  id: string;
  child: ChildProcess;
  exited: Promise<void>;
}

function startWorker(
  id: string,
  env: NodeJS.ProcessEnv,
  onEvent: (e: Record<string, unknown>) => void,
): Promise<Worker> {
  const child = spawn(process.execPath, [workerScript()], {
    env: { ...process.env, ...env, WORKER_ID: id },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      onEvent(event);
      if (event.event === 'ready') resolve({ id, child, exited });
    });
    child.once('exit', (code) => reject(new Error(`worker ${id} exited (${code}) before ready`)));
  });
}

/** Runs one fan-out with `options.processes` delivery processes; cleans everything up. */
export async function runMultiProcessFanOut(options: FanOutRunOptions): Promise<FanOutRunResult> {
  const schema = `mp_${randomUUID().replace(/-/g, '')}`;
  const emulator = await new DiscordEmulator({
    rateLimits: {
      enabled: true,
      globalPerSecond: 50,
      messagesPerChannel: { limit: 5, windowMs: 5_000 },
    },
    waitTimeoutMs: 300_000,
  }).start();
  // Nonce check off: a second send of one delivery is stored as a second message, not hidden.
  emulator.world.nonceCheck = false;
  const servers = addServers(emulator.world, options.guilds, options.channelsPerGuild);
  const channelIds = servers.flatMap((s) => s.channelIds);
  const stores = await openSqlStores({ engine: 'postgres', url: PG_URL, schema }, silentLogger());
  const workers: Worker[] = [];
  try {
    const settings = subscribeAll(servers);
    for (const s of settings) await stores.guilds.update(s.guildId, () => s);
    const record = (await fixturePosts()).find(
      (r) => r.classification.kind === 'incident' && r.classification.severity !== 'info',
    );
    if (!record) throw new Error('no incident among the fixture posts');
    await stores.posts.put([record]);

    const sentBy: Record<string, number> = {};
    let wrongShard = 0;
    let foundSent = 0;
    const onEvent = (e: Record<string, unknown>) => {
      if (e.event === 'recorded') foundSent++;
      if (e.event !== 'sent') return;
      const worker = String(e.workerId);
      sentBy[worker] = (sentBy[worker] ?? 0) + 1;
      const shards = options.shardsOf?.(Number(worker.slice(1)));
      if (shards && !inShards(String(e.guildId), shards)) wrongShard++;
    };
    for (let i = 0; i < options.processes; i++) {
      const shards = options.shardsOf?.(i);
      workers.push(
        await startWorker(
          `w${i}`,
          {
            PG_URL,
            PG_SCHEMA: schema,
            DISCORD_API_URL: emulator.apiUrl,
            DISCORD_TOKEN: emulator.token,
            LEASE_MS: String(options.leaseMs ?? 3_000),
            ...(shards && { SHARD_COUNT: String(shards.count), SHARD_IDS: shards.ids.join(',') }),
          },
          onEvent,
        ),
      );
    }
    // Queued once every process is up, so that a slow start does not leave one process alone.
    await stores.outbox.enqueue(fanOut([record], settings, new Date()));
    const total = () => channelIds.reduce((n, c) => n + emulator.world.messagesIn(c).length, 0);
    let killedPid: number | null = null;
    if (options.killAfterMessages !== undefined) {
      const after = options.killAfterMessages;
      await emulator.until(() => total() >= after, `${after} messages before the kill`);
      const victim = workers[0] as Worker;
      killedPid = victim.child.pid ?? null;
      victim.child.kill('SIGKILL');
      await victim.exited;
    }
    await emulator.until(
      () => channelIds.every((c) => emulator.world.messagesIn(c).length > 0),
      'every channel to have its alert',
    );
    // Settle: every row delivered (the killed process's claims came back and were sent), so a
    // late duplicate would be counted too; then stop the living workers.
    while ((await stores.outbox.pending()).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 100));
    for (const w of workers.slice(killedPid === null ? 0 : 1)) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
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
      seconds,
      perSecond: seconds > 0 ? messages / seconds : messages,
      killedPid,
      sentBy,
      wrongShard,
      foundSent,
      pendingLeft: (await stores.outbox.pending()).length,
    };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await stores.close();
    await emulator.stop();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}
