/**
 * Gateway sharding with real `jikenbo start` processes (issue 11): two processes on shards 0 and 1
 * of 2 (SHARD_IDS/SHARD_COUNT → discord.js `shards`/`shardCount`) share one PostgreSQL schema. The
 * emulator's gateway sends each session only its shard's guilds and interactions. With both up,
 * every command is answered; with the shard-1 process stopped, shard-0 guilds are still answered
 * and get their alerts while shard-1 guilds get neither; started again, it sends shard 1's alerts.
 * Nonce check off: 0 duplicates overall.
 */
import { DiscordEmulator, subcommand, type InteractionRecord } from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { inShards } from '../../src/store/sql/shards.js';
import { addServers } from '../../bench/world.js';
import {
  configDirWithLease,
  fanOutWorld,
  killAll,
} from '../../bench/multiProcess/fanOutHarness.js';
import { startBuilt, startEnv, startProcess } from '../../bench/multiProcess/startRun.js';
import { multiProcessReady } from './multiProcessReady.js';

const ready = multiProcessReady('shard test', startBuilt());

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(env: NodeJS.ProcessEnv) {
  const bot = startProcess(env);
  cleanups.push(() => killAll([bot]));
  return bot;
}

describe.runIf(ready)('two jikenbo start processes on gateway shards 0 and 1 of 2', () => {
  it('each answers only its guilds’ interactions and delivers only its guilds’ alerts', async () => {
    // world.close() stops it.
    const emulator = await new DiscordEmulator({ waitTimeoutMs: 60_000 }).start();
    emulator.world.nonceCheck = false;
    const feed = await new FeedServer([]).start();
    cleanups.push(() => feed.stop());
    // The product's shard rule (the emulator's gateway applies Discord's, the same).
    const shardOfGuild = (guildId: string, count: number) =>
      inShards(guildId, { ids: [0], count }) ? 0 : 1;
    const servers: Array<{ guildId: string; channelIds: string[] }> = [];
    const onShard = (s: number) => servers.filter((g) => shardOfGuild(g.guildId, 2) === s);
    // Guilds a millisecond or more apart: their ids' timestamps, and so their shards, differ.
    // Timers of a loaded machine can land on one parity every time, so add guilds until each
    // shard has a few (the millisecond parity decides the shard of 2).
    for (let i = 0; i < 200 && (onShard(0).length < 4 || onShard(1).length < 4); i++) {
      servers.push(...addServers(emulator.world, 1, 2));
      await new Promise((r) => setTimeout(r, 1 + (i % 2)));
    }
    expect(onShard(0).length).toBeGreaterThan(0);
    expect(onShard(1).length).toBeGreaterThan(0);

    const world = await fanOutWorld('mpsh', emulator, servers);
    cleanups.push(() => world.close());
    const config = configDirWithLease();
    cleanups.push(() => config.rm());
    const env = (shard: number) => ({
      ...startEnv(world, feed.feedUrl, config.configDir, { ids: [shard], count: 2 }),
      LOG_LEVEL: 'warn',
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
    await world.enqueue();
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
