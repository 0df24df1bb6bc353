/**
 * Gateway sharding with real `jikenbo start` processes (issue 11): two processes on shards 0 and 1
 * of 2 (SHARD_IDS/SHARD_COUNT → discord.js `shards`/`shardCount`) share one PostgreSQL schema. The
 * emulator's gateway sends each session only its shard's guilds and interactions. With both up,
 * every command is answered; with the shard-1 process stopped, shard-0 guilds are still answered
 * and get their alerts while shard-1 guilds get neither; started again, it sends shard 1's alerts.
 * Nonce check off: 0 duplicates overall.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DiscordEmulator, subcommand, type InteractionRecord } from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { fanOut } from '../../src/alerts/fanOut.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { inShards } from '../../src/store/sql/shards.js';
import { fixturePosts } from '../../bench/botBenches.js';
import { addServers, subscribeAll } from '../../bench/world.js';
import { startBin, startBuilt } from '../../bench/multiProcess/startRun.js';
import { POSTGRES_AVAILABLE, PG_URL } from '../integration/sql/engines.js';
import { CONFIG_DIR } from '../helpers/paths.js';

const ready = POSTGRES_AVAILABLE && startBuilt();
if (!ready)
  console.warn(
    'shard test skipped: needs PostgreSQL on 127.0.0.1:5432 and a build (npm run build)',
  );

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, [startBin(), 'start'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited };
}

describe.runIf(ready)('two jikenbo start processes on gateway shards 0 and 1 of 2', () => {
  it('each answers only its guilds’ interactions and delivers only its guilds’ alerts', async () => {
    const emulator = await new DiscordEmulator({ waitTimeoutMs: 60_000 }).start();
    cleanups.push(() => emulator.stop());
    emulator.world.nonceCheck = false;
    const feed = await new FeedServer([]).start();
    cleanups.push(() => feed.stop());
    // Guilds a few milliseconds apart: their ids' timestamps, and so their shards, differ.
    const servers: Array<{ guildId: string; channelIds: string[] }> = [];
    for (let i = 0; i < 8; i++) {
      servers.push(...addServers(emulator.world, 1, 2));
      await new Promise((r) => setTimeout(r, 3));
    }
    // The product's shard rule (the emulator's gateway applies Discord's, the same).
    const shardOfGuild = (guildId: string, count: number) =>
      inShards(guildId, { ids: [0], count }) ? 0 : 1;
    const onShard = (s: number) => servers.filter((g) => shardOfGuild(g.guildId, 2) === s);
    expect(onShard(0).length).toBeGreaterThan(0);
    expect(onShard(1).length).toBeGreaterThan(0);

    const schema = `mpsh_${randomUUID().replace(/-/g, '')}`;
    const stores = await openSqlStores({ engine: 'postgres', url: PG_URL, schema }, silentLogger());
    cleanups.push(async () => {
      await stores.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });
    const settings = subscribeAll(servers);
    for (const s of settings) await stores.guilds.update(s.guildId, () => s);
    const record = (await fixturePosts()).find(
      (r) => r.classification.kind === 'incident' && r.classification.severity !== 'info',
    )!;
    await stores.posts.put([record]);

    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-shards-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const configDir = join(dir, 'config');
    mkdirSync(configDir);
    cpSync(CONFIG_DIR, configDir, { recursive: true });
    const env = (shard: number) => ({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      FEED_URLS: feed.feedUrl,
      STORE_URL: `${PG_URL}?schema=${schema}`,
      POLL_SCHEDULE: '0 0 1 1 *',
      JIKENBO_CONFIG_DIR: configDir,
      LOG_LEVEL: 'warn',
      SHARD_COUNT: '2',
      SHARD_IDS: String(shard),
    });
    start(env(0));
    const one = start(env(1));
    await emulator.until(() => emulator.gateway.readySessions >= 2, 'both shards logged in');

    const command = (guild: { guildId: string; channelIds: string[] }): InteractionRecord => {
      const owner = emulator.world.guilds.get(guild.guildId)!.members.find((m) => !m.user.bot)!;
      return emulator.sendCommand(
        { guildId: guild.guildId, channelId: guild.channelIds[0]!, userId: owner.user.id },
        'alerts',
        subcommand('list'),
      );
    };
    // Both up: every guild's command is answered, once.
    const both = servers.map(command);
    for (const r of both) await emulator.waitForReply(r);
    expect(both.map((r) => r.callbacks.length)).toEqual(both.map(() => 1));

    // Shard 1's process stops: its guilds go unanswered and get no alerts; shard 0's carry on.
    one.child.kill('SIGTERM');
    await one.exited;
    const second = servers.map((g) => ({ g, r: command(g) }));
    await Promise.all(
      second
        .filter(({ g }) => shardOfGuild(g.guildId, 2) === 0)
        .map(({ r }) => emulator.waitForReply(r)),
    );
    await stores.outbox.enqueue(fanOut([record], settings, new Date()));
    const inGuild = (g: { channelIds: string[] }) =>
      g.channelIds.reduce((n, c) => n + emulator.world.messagesIn(c).length, 0);
    await emulator.until(
      () => onShard(0).every((g) => inGuild(g) === g.channelIds.length),
      'shard 0 guilds’ alerts',
    );
    // Room for a wrong-shard answer or send to show up.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(
      second.filter(({ g }) => shardOfGuild(g.guildId, 2) === 1).map(({ r }) => r.callbacks.length),
    ).toEqual(onShard(1).map(() => 0));
    expect(onShard(1).map(inGuild)).toEqual(onShard(1).map(() => 0));

    // Started again, shard 1 sends its guilds' alerts; nothing twice anywhere.
    start(env(1));
    await emulator.until(
      () => servers.every((g) => inGuild(g) === g.channelIds.length),
      'shard 1 guilds’ alerts',
    );
    expect(servers.map(inGuild)).toEqual(servers.map((g) => g.channelIds.length));
  }, 120_000);
});
