import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInflate, inflateSync, constants as zlibConstants } from 'node:zlib';
import { WebSocket } from 'ws';
import { addDemoGuild } from '../src/demoWorld.js';
import { DiscordEmulator } from '../src/emulator.js';

let emulator: DiscordEmulator;
beforeEach(async () => {
  emulator = await new DiscordEmulator({ heartbeatIntervalMs: 5000 }).start();
  addDemoGuild(emulator.world);
  addDemoGuild(emulator.world, {
    name: 'second',
    members: [{ name: 'x' }],
    channels: [{ name: 'c' }],
  });
});
afterEach(() => emulator.stop());

interface Payload {
  op: number;
  s: number | null;
  t: string | null;
  d: Record<string, unknown> | null;
}

/** A minimal gateway client that collects payloads, optionally inflating zlib-stream. */
function connect(query = 'v=10&encoding=json') {
  const ws = new WebSocket(`${emulator.gatewayUrl}?${query}`);
  const received: Payload[] = [];
  const waiters: Array<() => void> = [];
  const inflate = query.includes('zlib-stream') ? createInflate() : null;
  let buffered = '';
  inflate?.on('data', (chunk: Buffer) => (buffered += chunk.toString('utf8')));
  const push = (text: string) => {
    received.push(JSON.parse(text) as Payload);
    waiters.splice(0).forEach((w) => w());
  };
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return push(String(data));
    if (inflate) {
      inflate.write(data);
      inflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
        const text = buffered;
        buffered = '';
        if (text) push(text);
      });
    } else push(inflateSync(data).toString('utf8'));
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const until = (test: (p: Payload[]) => boolean) =>
    new Promise<Payload[]>((resolve) => {
      const check = () => (test(received) ? resolve(received) : waiters.push(check));
      check();
    });
  const send = (p: unknown) => ws.send(JSON.stringify(p));
  return { ws, received, until, send, closed, opened: new Promise((r) => ws.on('open', r)) };
}

describe('emulator gateway', () => {
  it('says HELLO with a heartbeat interval and acknowledges heartbeats', async () => {
    const c = connect();
    const [hello] = await c.until((p) => p.length >= 1);
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 5000 } });
    c.send({ op: 1, d: null });
    await c.until((p) => p.some((x) => x.op === 11));
    c.ws.close();
  });

  it('closes with 4004 on a bad token', async () => {
    const c = connect();
    await c.until((p) => p.length >= 1);
    c.send({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } });
    expect(await c.closed).toBe(4004);
  });

  it('sends READY listing every guild, then one GUILD_CREATE per guild, with increasing sequence numbers', async () => {
    const c = connect();
    await c.until((p) => p.length >= 1);
    c.send({ op: 2, d: { token: emulator.token, intents: 1, properties: {} } });
    const payloads = await c.until((p) => p.filter((x) => x.t === 'GUILD_CREATE').length === 2);
    const dispatches = payloads.filter((x) => x.op === 0);
    expect(dispatches.map((x) => x.t)).toEqual(['READY', 'GUILD_CREATE', 'GUILD_CREATE']);
    expect(dispatches.map((x) => x.s)).toEqual([1, 2, 3]);
    expect((dispatches[0]?.d?.guilds as unknown[]).length).toBe(2);
    const guild = dispatches[1]?.d as {
      channels: Array<{ type: number }>;
      roles: unknown[];
      members: unknown[];
    };
    expect(new Set(guild.channels.map((ch) => ch.type))).toEqual(new Set([0, 2, 4, 5]));
    expect(guild.roles.length).toBeGreaterThanOrEqual(3);
    expect(guild.members.length).toBe(4);
    c.ws.close();
  });

  it('replays the events missed while disconnected on RESUME, then sends RESUMED', async () => {
    const first = connect();
    await first.until((p) => p.length >= 1);
    first.send({ op: 2, d: { token: emulator.token, intents: 1, properties: {} } });
    const ready = await first.until((p) => p.filter((x) => x.t === 'GUILD_CREATE').length === 2);
    const sessionId = ready.find((x) => x.t === 'READY')?.d?.session_id as string;
    first.ws.close(4000);
    await first.closed;
    emulator.dispatch('GUILD_UPDATE', { id: '1' });
    const second = connect();
    await second.until((p) => p.length >= 1);
    second.send({ op: 6, d: { token: emulator.token, session_id: sessionId, seq: 3 } });
    const replay = await second.until((p) => p.some((x) => x.t === 'RESUMED'));
    expect(replay.filter((x) => x.op === 0).map((x) => [x.t, x.s])).toEqual([
      ['GUILD_UPDATE', 4],
      ['RESUMED', 5],
    ]);
    second.ws.close();
  });

  it('answers RESUME of an unknown session with INVALID_SESSION', async () => {
    const c = connect();
    await c.until((p) => p.length >= 1);
    c.send({ op: 6, d: { token: emulator.token, session_id: 'nope', seq: 1 } });
    await c.until((p) => p.some((x) => x.op === 9));
    c.ws.close();
  });

  it('speaks zlib-stream when the client asks for it', async () => {
    const c = connect('v=10&encoding=json&compress=zlib-stream');
    const [hello] = await c.until((p) => p.length >= 1);
    expect(hello?.op).toBe(10);
    c.send({ op: 2, d: { token: emulator.token, intents: 1, properties: {} } });
    const payloads = await c.until((p) => p.filter((x) => x.t === 'GUILD_CREATE').length === 2);
    expect(payloads.find((x) => x.t === 'READY')).toBeTruthy();
    c.ws.close();
  });

  it('compresses each payload when IDENTIFY asks for compress', async () => {
    const c = connect();
    await c.until((p) => p.length >= 1);
    c.send({ op: 2, d: { token: emulator.token, intents: 1, properties: {}, compress: true } });
    await c.until((p) => p.some((x) => x.t === 'READY'));
    c.ws.close();
  });
});

describe('emulator gateway shards', () => {
  it('sends a session that identified with shard [id, count] only its guilds, and only their interactions', async () => {
    const { shardOfGuild } = await import('../src/gateway.js');
    // Guild ids are snowflakes of the time they are made: add guilds a millisecond or more apart
    // until both shards of 2 have some (a fixed number 3 ms apart could, under load, all land on
    // one shard's milliseconds), at least six and at most 60.
    let guilds = [...emulator.world.guilds.values()];
    const onShard = (s: number) => guilds.filter((g) => shardOfGuild(g.id, 2) === s);
    for (let i = 0; i < 60 && (i < 6 || onShard(0).length === 0 || onShard(1).length === 0); i++) {
      await new Promise((r) => setTimeout(r, 1 + (i % 3)));
      addDemoGuild(emulator.world, {
        name: `g${i}`,
        members: [{ name: 'm' }],
        channels: [{ name: 'c' }],
      });
      guilds = [...emulator.world.guilds.values()];
    }
    expect(onShard(0).length).toBeGreaterThan(0);
    expect(onShard(1).length).toBeGreaterThan(0);
    const sessions = [0, 1].map(() => connect());
    for (const [shard, c] of sessions.entries()) {
      await c.until((p) => p.length >= 1);
      c.send({
        op: 2,
        d: { token: emulator.token, intents: 1, properties: {}, shard: [shard, 2] },
      });
    }
    for (const [shard, c] of sessions.entries()) {
      const want = onShard(shard)
        .map((g) => g.id)
        .sort();
      const got = await c.until(
        (p) => p.filter((x) => x.t === 'GUILD_CREATE').length === want.length,
      );
      const ready = got.find((x) => x.t === 'READY')?.d as {
        shard: number[];
        guilds: Array<{ id: string }>;
      };
      expect(ready.shard).toEqual([shard, 2]);
      expect(ready.guilds.map((g) => g.id).sort()).toEqual(want);
      expect(
        got
          .filter((x) => x.t === 'GUILD_CREATE')
          .map((x) => x.d?.id)
          .sort(),
      ).toEqual(want);
    }
    // One command in a guild of each shard: each session sees only its own.
    for (const shard of [0, 1]) {
      const guild = onShard(shard)[0]!;
      const member = guild.members.find((m) => !m.user.bot) ?? guild.members[0]!;
      emulator.sendCommand(
        {
          guildId: guild.id,
          channelId: guild.channels.find((ch) => ch.type === 0)!.id,
          userId: member.user.id,
        },
        'alerts',
      );
    }
    for (const [shard, c] of sessions.entries()) {
      const seen = await c.until((p) => p.some((x) => x.t === 'INTERACTION_CREATE'));
      await new Promise((r) => setTimeout(r, 100));
      const interactions = seen.filter((x) => x.t === 'INTERACTION_CREATE');
      expect(interactions.map((x) => shardOfGuild(String(x.d?.guild_id), 2))).toEqual([shard]);
      c.ws.close();
    }
  });
});
