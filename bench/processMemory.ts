/**
 * Resident memory of the real product processes (issue 11's memory figures): the built CLI's
 * `jikenbo start` on the emulator's gateway with 2,500 servers, and `jikenbo serve` with 10,000
 * servers' settings, each on the default SQLite store (the product's case) and, for `serve`, on
 * memory stores (everything in the heap). The emulator and the data setup run in this process;
 * only the bot's process is measured, from /proc/<pid>/status (VmRSS now, VmHWM the peak). Each
 * runs with plain `node` or with the node flags the Docker image runs it with (`imageNodeOptions`:
 * its NODE_OPTIONS and the flags its ENTRYPOINT gives `node`), passed on node's command line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DiscordEmulator,
  SignedInteractionSender,
  int,
  subcommand,
} from '@jikenbo/discord-emulator';
import { FeedServer, loadFixtureEntries } from '@jikenbo/feed-server';
import { defaultFixturesDir } from '../src/cli/demoCommand.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { silentLogger } from '../src/log.js';
import { openStores } from '../src/store/openStores.js';
import type { GuildSettings } from '../src/store/guildSettings.js';
import type { StoredPost } from '../src/store/postStore.js';
import { fixturePosts } from './botBenches.js';
import { addServers, manyIncidents, subscribeAll } from './world.js';

/** A process's resident size (VmRSS) or its peak (VmHWM), in MB. */
export function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
}

const mb = (n: number) => `${n.toFixed(1)} MB`;

/**
 * The node flags the Docker image runs the bot with: its Dockerfile's NODE_OPTIONS, then the flags
 * its ENTRYPOINT passes to `node` (V8 flags NODE_OPTIONS refuses, such as `--liftoff-only`), as one
 * space-separated string; '' when none.
 */
export function imageNodeOptions(): string {
  const dockerfile = readFileSync(join(projectRoot(), 'Dockerfile'), 'utf8');
  const env = /NODE_OPTIONS=(\S+)/.exec(dockerfile)?.[1] ?? '';
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const argv = entrypoint ? (JSON.parse(entrypoint) as string[]) : [];
  const flags = argv[0] === 'node' ? argv.slice(1).filter((a) => a.startsWith('--')) : [];
  return [env, ...flags].filter(Boolean).join(' ');
}

/** `nodeOptions` as arguments before the script (node's command line takes every flag). */
const nodeArgs = (nodeOptions: string) => nodeOptions.split(' ').filter(Boolean);

const nodeLabel = (nodeOptions: string) => (nodeOptions ? `node ${nodeOptions}` : 'plain node');

const BIN = () => join(projectRoot(), 'dist', 'src', 'bin', 'jikenbo.js');

function emulatorWithoutLimits(): Promise<DiscordEmulator> {
  return new DiscordEmulator({
    rateLimits: {
      enabled: false,
      globalPerSecond: 50,
      messagesPerChannel: { limit: 5, windowMs: 5000 },
    },
    waitTimeoutMs: 300_000,
  }).start();
}

/** The built CLI running `command`; resolves once a stdout line satisfies `ready`. */
async function spawnCli(
  command: 'start' | 'serve',
  nodeOptions: string,
  env: NodeJS.ProcessEnv,
  ready: (line: string) => boolean,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [...nodeArgs(nodeOptions), BIN(), command], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    lines.on('line', (l) => ready(l) && resolve(l));
    child.once('exit', (code) => reject(new Error(`jikenbo ${command} exited (${code})`)));
  });
  return { child, line };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Writes settings (and incidents) into a fresh SQLite file, as a bot that ran for a while has. */
async function sqliteStoreWith(
  path: string,
  settings: GuildSettings[],
  posts: StoredPost[],
): Promise<void> {
  const stores = await openStores({ kind: 'sqlite', path }, silentLogger());
  for (const s of settings) await stores.guilds.set(s);
  for (let i = 0; i < posts.length; i += 500) await stores.posts.put(posts.slice(i, i + 500));
  await stores.close();
}

/**
 * `jikenbo start` (built CLI, SQLite store) on the emulator's gateway with `guilds` servers of two
 * channels each, `subscribed` of them with a subscription: rss after READY and every GUILD_CREATE,
 * then after the blog publishes `published` posts and their alerts are fanned out.
 */
export async function runGatewayMemoryBench(
  guilds = 2_500,
  subscribed = 300,
  nodeOptions = '',
  published = 3,
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-gw-mem-'));
  const emulator = await emulatorWithoutLimits();
  const entries = loadFixtureEntries(defaultFixturesDir());
  const feed = await new FeedServer(entries.slice(published)).start();
  let child: ChildProcess | null = null;
  try {
    const servers = addServers(emulator.world, guilds, 2);
    const subscriptions = subscribeAll(
      servers.slice(0, subscribed).map((s) => ({ ...s, channelIds: s.channelIds.slice(0, 1) })),
    );
    const path = join(dir, 'bot.sqlite');
    await sqliteStoreWith(path, subscriptions, []);
    const started = await spawnCli(
      'start',
      nodeOptions,
      {
        DISCORD_TOKEN: emulator.token,
        DISCORD_API_URL: emulator.apiUrl,
        FEED_URLS: feed.feedUrl,
        STORE_URL: `sqlite://${path}`,
        POLL_SCHEDULE: '* * * * * *',
        LOG_LEVEL: 'info',
      },
      (line) => line.includes('"logged in"'),
    );
    child = started.child;
    const pid = child.pid as number;
    const seen = (JSON.parse(started.line) as { guilds: number }).guilds;
    const ready = rssOf(pid, 'VmRSS');
    // The first poll takes the feed as history; then the blog publishes and alerts go out.
    await emulator.until(() => feed.requests.length >= 1, 'the first poll');
    const polled = feed.requests.length;
    await emulator.until(() => feed.requests.length > polled + 1, 'a poll after the history');
    feed.publish(...entries.slice(0, published));
    const channels = subscriptions.map((s) => s.subscriptions[0]!.channelId);
    const sent = () => channels.reduce((n, c) => n + emulator.world.messagesIn(c).length, 0);
    await emulator.until(
      () => channels.every((c) => emulator.world.messagesIn(c).length > 0),
      'every subscribed channel to have an alert',
    );
    // Settled: no new message for two seconds.
    for (let last = -1; last !== sent();) {
      last = sent();
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const after = rssOf(pid, 'VmRSS');
    const peak = rssOf(pid, 'VmHWM');
    return [
      `gateway memory: jikenbo start (built CLI, ${nodeLabel(nodeOptions)}, SQLite store) with ${seen} servers from the gateway, ${subscribed} subscribed: ` +
        `rss ${mb(ready)} after READY + GUILD_CREATEs, ${mb(after)} after ${sent()} alerts fanned out, peak ${mb(peak)}`,
    ];
  } finally {
    if (child) await stopChild(child);
    await feed.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `jikenbo serve` with `servers` servers' settings and `incidents` incidents, then `commands` signed
 * commands (`/alerts list`, `/incident latest`) from as many servers. On `sqlite` it is the built
 * CLI on a SQLite file (the product's case); on `memory` the same startServe in
 * bench/multiProcess/serveProcess.ts with memory stores, which hold everything in the heap.
 */
export async function runServeMemoryBench(
  servers = 10_000,
  incidents = 0,
  store: 'sqlite' | 'memory' = 'sqlite',
  nodeOptions = '',
  commands = 500,
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-serve-mem-'));
  const emulator = await emulatorWithoutLimits();
  let child: ChildProcess | null = null;
  try {
    const world = addServers(emulator.world, servers, 1);
    const settings = subscribeAll(world);
    const posts = incidents > 0 ? manyIncidents(await fixturePosts(), incidents) : [];
    const sender = new SignedInteractionSender(emulator);
    const env = {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_PUBLIC_KEY: sender.publicKeyHex,
      FEED_URLS: 'http://127.0.0.1:1/feed',
      SERVE_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const isUrl = (line: string) => /https?:\/\/\S+\/interactions/.test(line);
    if (store === 'sqlite') {
      const path = join(dir, 'bot.sqlite');
      await sqliteStoreWith(path, settings, posts);
      const started = await spawnCli(
        'serve',
        nodeOptions,
        { ...env, STORE_URL: `sqlite://${path}` },
        isUrl,
      );
      child = started.child;
      sender.url = /https?:\/\/\S+\/interactions/.exec(started.line)![0];
    } else {
      const settingsFile = join(dir, 'settings.json');
      const postsFile = join(dir, 'posts.json');
      writeFileSync(settingsFile, JSON.stringify(settings));
      writeFileSync(postsFile, JSON.stringify(posts));
      const script = join(projectRoot(), 'dist', 'bench', 'multiProcess', 'serveProcess.js');
      child = spawn(
        process.execPath,
        [
          ...nodeArgs(nodeOptions),
          script,
          emulator.apiUrl,
          emulator.token,
          sender.publicKeyHex,
          settingsFile,
          postsFile,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH } },
      );
      const lines = createInterface({ input: child.stdout! });
      sender.url = await new Promise<string>((resolve) =>
        lines.once('line', (l) => resolve(l.trim())),
      );
    }
    const pid = child.pid as number;
    const idle = rssOf(pid, 'VmRSS');
    for (let i = 0; i < commands; i++) {
      const server = world[(i * 7919) % world.length] as { guildId: string; channelIds: string[] };
      const guild = emulator.world.guilds.get(server.guildId);
      const target = {
        guildId: server.guildId,
        channelId: server.channelIds[0] as string,
        userId: guild?.members[0]?.user.id as string,
      };
      if (i % 2 === 0) await sender.runCommand(target, 'alerts', subcommand('list'));
      else await sender.runCommand(target, 'incident', subcommand('latest', [int('count', 5)]));
    }
    const after = rssOf(pid, 'VmRSS');
    const peak = rssOf(pid, 'VmHWM');
    const where =
      store === 'sqlite'
        ? 'built CLI, SQLite store'
        : 'startServe with memory stores: all in the heap';
    return [
      `serve memory (${where}, ${nodeLabel(nodeOptions)}): ${servers} servers' settings and ${incidents} incidents, ` +
        `${commands} signed commands from ${Math.min(commands, servers)} servers: ` +
        `rss ${mb(idle)} ready, ${mb(after)} after the commands, peak ${mb(peak)}`,
    ];
  } finally {
    if (child) await stopChild(child);
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
