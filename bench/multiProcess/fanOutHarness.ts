/**
 * What every multi-process run shares (the worker runs, the `jikenbo start` runs, their e2e tests):
 * the rate-limited emulator with Discord's nonce check off, a fresh PostgreSQL schema with every
 * channel subscribed and one incident stored, child processes with an exit promise, and the count
 * of what arrived (lost, duplicates, rate, global 429s).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { countsTowardGlobalLimit, DiscordEmulator } from '@jikenbo/discord-emulator';
import { fanOut } from '../../src/alerts/fanOut.js';
import { projectRoot } from '../../src/config/projectRoot.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import type { GuildSettings } from '../../src/store/guildSettings.js';
import type { StoredPost } from '../../src/store/postStore.js';
import { fixturePosts } from '../botBenches.js';
import { addServers, subscribeAll } from '../world.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** One alert's fan-out, ready to enqueue: an emulator, a schema, the subscribed channels. */
export interface FanOutWorld {
  emulator: DiscordEmulator;
  stores: SqlStores;
  schema: string;
  servers: Array<{ guildId: string; channelIds: string[] }>;
  channelIds: string[];
  settings: GuildSettings[];
  record: StoredPost;
  /** Queues the alert to every channel. */
  enqueue(): Promise<void>;
  /** Messages in the channels now. */
  total(): number;
  /** Waits until every channel has its alert and the outbox has nothing pending. */
  settle(): Promise<void>;
  /** Stops the emulator, closes the stores and drops the schema. */
  close(): Promise<void>;
}

/** The emulator with Discord's limits (50/s global, 5 per 5 s per channel) and no nonce check. */
export async function rateLimitedEmulator(): Promise<DiscordEmulator> {
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
  return emulator;
}

/** An incident of the fixture feed that alerts (not info). */
export async function alertingIncident(): Promise<StoredPost> {
  const record = (await fixturePosts()).find(
    (r) => r.classification.kind === 'incident' && r.classification.severity !== 'info',
  );
  if (!record) throw new Error('no incident among the fixture posts');
  return record;
}

/** Drops a run's schema. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

/** `guilds` × `channelsPerGuild` channels in the rate-limited emulator (rateLimitedEmulator). */
export async function rateLimitedWorld(
  prefix: string,
  guilds: number,
  channelsPerGuild: number,
): Promise<FanOutWorld> {
  const emulator = await rateLimitedEmulator();
  return fanOutWorld(prefix, emulator, addServers(emulator.world, guilds, channelsPerGuild));
}

/** A fresh schema `prefix_…` where every channel of `servers` subscribes to everything. */
export async function fanOutWorld(
  prefix: string,
  discord: DiscordEmulator,
  servers: Array<{ guildId: string; channelIds: string[] }>,
): Promise<FanOutWorld> {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  const channelIds = servers.flatMap((s) => s.channelIds);
  const stores = await openSqlStores({ engine: 'postgres', url: PG_URL, schema }, silentLogger());
  const settings = subscribeAll(servers);
  for (const s of settings) await stores.guilds.update(s.guildId, () => s);
  const record = await alertingIncident();
  await stores.posts.put([record]);
  const pending = async () => (await stores.outbox.pending()).length;
  return {
    emulator: discord,
    stores,
    schema,
    servers,
    channelIds,
    settings,
    record,
    async enqueue() {
      await stores.outbox.enqueue(fanOut([record], settings, new Date()));
    },
    total: () => channelIds.reduce((n, c) => n + discord.world.messagesIn(c).length, 0),
    async settle() {
      await discord.until(
        () => channelIds.every((c) => discord.world.messagesIn(c).length > 0),
        'every channel to have its alert',
      );
      // Every row delivered (a killed process's claims came back and were sent), so that a late
      // duplicate is counted too.
      while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async close() {
      await stores.close();
      await discord.stop();
      await dropSchema(schema);
    },
  };
}

/** What arrived: channels without their alert, second copies, the rate, global 429s. */
export interface FanOutCount {
  channels: number;
  lost: number;
  duplicates: number;
  messages: number;
  /** From the first message to the last. */
  seconds: number;
  perSecond: number;
  /**
   * 429 answers the emulator gave. Each channel gets one message, far below its 5 per 5 s, so
   * every one of them is the global limit's.
   */
  global429s: number;
  /** Deliveries the store still has pending (should be 0). */
  pendingLeft: number;
  /** Messages that arrived in each second from the first: where the time went. */
  timeline: number[];
  /**
   * REST requests under Discord's global limit (not interactions or webhooks) answered from the
   * first message to the last, per second: issue 11's "req/s" (messages, and the looks in a channel
   * a taken-over row needs, and any other request the processes made meanwhile).
   */
  requestsPerSecond: number;
  /** Looks in a channel (GET of its messages) in the same span: what takeovers cost. */
  lookups: number;
}

/** Counts the fan-out in the emulator's channels and requests. */
export async function countFanOut(world: FanOutWorld): Promise<FanOutCount> {
  const { emulator, channelIds } = world;
  const counts = channelIds.map((c) => emulator.world.messagesIn(c).length);
  const times = channelIds
    .flatMap((c) => emulator.world.messagesIn(c).map((m) => Date.parse(String(m.timestamp))))
    .sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  const seconds = (last - first) / 1000;
  const messages = counts.reduce((a, b) => a + b, 0);
  const inSpan = emulator.requests.filter(
    (r) => r.at >= first && r.at <= last && countsTowardGlobalLimit(r.path),
  );
  return {
    channels: channelIds.length,
    lost: counts.filter((n) => n === 0).length,
    duplicates: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
    messages,
    seconds,
    perSecond: seconds > 0 ? messages / seconds : messages,
    global429s: emulator.requests.filter((r) => r.status === 429).length,
    requestsPerSecond: seconds > 0 ? inSpan.length / seconds : inSpan.length,
    lookups: inSpan.filter((r) => r.method === 'GET' && /\/channels\/\d+\/messages/.test(r.path))
      .length,
    pendingLeft: (await world.stores.outbox.pending()).length,
    timeline: times.reduce<number[]>((line, t) => {
      const second = Math.floor((t - first) / 1000);
      while (line.length <= second) line.push(0);
      line[second] = (line[second] as number) + 1;
      return line;
    }, []),
  };
}

/** A child process and the promise of its end. */
export interface Child {
  child: ChildProcess;
  exited: Promise<void>;
}

/** Spawns `node script ...args`; `exited` resolves however it ends. */
export function spawnNode(script: string, args: string[], options: SpawnOptions): Child {
  const child = spawn(process.execPath, [script, ...args], options);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return { child, exited };
}

/** SIGKILLs `children` still running and waits for all of them. */
export async function killAll(children: Child[]): Promise<void> {
  for (const c of children)
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
}

/** A copy of config/ in a temp folder, with `delivery.leaseSeconds` set; rm() removes it. */
export function configDirWithLease(leaseSeconds?: number): { configDir: string; rm(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-mp-'));
  const configDir = join(dir, 'config');
  mkdirSync(configDir);
  cpSync(join(projectRoot(), 'config'), configDir, { recursive: true });
  if (leaseSeconds !== undefined) {
    const file = join(configDir, 'limits.json');
    const limits = JSON.parse(readFileSync(file, 'utf8'));
    limits.delivery.leaseSeconds = leaseSeconds;
    writeFileSync(file, JSON.stringify(limits));
  }
  return { configDir, rm: () => rmSync(dir, { recursive: true, force: true }) };
}
