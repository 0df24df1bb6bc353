/**
 * The gateway over WebSocket: HELLO, heartbeats, IDENTIFY (a bad token closes
 * 4004), READY and one GUILD_CREATE per guild, RESUME with replay, increasing
 * sequence numbers; JSON, with zlib-stream or per-payload compression on request.
 * Sharding as Discord does it: a session that identified with `shard: [id, count]`
 * gets READY's guild list, GUILD_CREATE and every guild event (interactions too)
 * only for guilds with `(guild_id >> 22) % count === id`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildPayload, type World } from './world.js';

export interface GatewaySession {
  id: string;
  seq: number;
  /** Dispatches sent, for replay on RESUME. */
  events: Array<{ s: number; t: string; d: unknown }>;
  socket: Connection | null;
  intents: number;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when none was given. */
  shard: [number, number];
}

/** Discord's shard rule: which of `count` shards a guild's events go to. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether `session` gets events of the guild `guildId` (events without a guild go to shard 0 too, as DMs do). */
function sessionServes(session: GatewaySession, guildId: string | undefined): boolean {
  const [id, count] = session.shard;
  if (count <= 1) return true;
  return guildId === undefined ? id === 0 : shardOfGuild(guildId, count) === id;
}

/** The guild an event belongs to, when it names one. */
function guildOf(d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const guildId = (d as { guild_id?: unknown }).guild_id;
  return typeof guildId === 'string' ? guildId : undefined;
}

/** `shard` from IDENTIFY when it is a valid [id, count] pair. */
function shardOf(value: unknown): [number, number] {
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => Number.isInteger(n) && n >= 0) &&
    value[0] < value[1]
  )
    return [value[0], value[1]];
  return [0, 1];
}

interface Connection {
  ws: WebSocket;
  send(payload: unknown): void;
  session: GatewaySession | null;
}

/** A payload from the client; `d` is checked where it is used. */
interface GatewayPayload {
  op: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shape depends on op, read field by field
  d: any;
}

export interface GatewayOptions {
  world: World;
  token: string;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  onEvent: (event: string, detail: Record<string, unknown>) => void;
}

export class Gateway {
  readonly sessions = new Map<string, GatewaySession>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over an HTTP upgrade request for the gateway path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.accept(ws, new URL(req.url ?? '/', 'http://x')),
    );
  }

  private accept(ws: WebSocket, url: URL): void {
    const zlibStream = url.searchParams.get('compress') === 'zlib-stream';
    const deflate: Deflate | null = zlibStream ? createDeflate() : null;
    let identifyCompress = false;
    let chain = Promise.resolve();
    const connection: Connection = {
      ws,
      session: null,
      send: (payload) => {
        const json = JSON.stringify(payload);
        if (deflate) {
          chain = chain.then(() => sendDeflated(ws, deflate, json));
        } else if (identifyCompress) {
          ws.send(deflateSync(json));
        } else {
          ws.send(json);
        }
      },
    };
    this.connections.add(connection);
    this.options.onEvent('gateway.connect', {
      encoding: url.searchParams.get('encoding'),
      compress: zlibStream ? 'zlib-stream' : null,
    });
    ws.on('close', () => {
      this.connections.delete(connection);
      if (connection.session?.socket === connection) connection.session.socket = null;
      deflate?.close();
    });
    ws.on('message', (raw) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      if (payload.op === 2 && payload.d?.compress === true) identifyCompress = true;
      this.onPayload(connection, payload);
    });
    connection.send({
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private onPayload(connection: Connection, payload: GatewayPayload): void {
    switch (payload.op) {
      case 1:
        connection.send({ op: 11, d: null, s: null, t: null });
        this.options.onEvent('gateway.heartbeat', { seq: payload.d });
        return;
      case 2:
        return this.identify(connection, payload.d);
      case 6:
        return this.resume(connection, payload.d);
      default:
        this.options.onEvent('gateway.op', { op: payload.op });
    }
  }

  private identify(
    connection: Connection,
    d: { token?: string; intents?: number; shard?: unknown },
  ): void {
    if (d?.token !== this.options.token && d?.token !== `Bot ${this.options.token}`) {
      this.options.onEvent('gateway.identify-rejected', {});
      connection.ws.close(4004, 'Authentication failed.');
      return;
    }
    const session: GatewaySession = {
      id: randomUUID().replace(/-/g, ''),
      seq: 0,
      events: [],
      socket: connection,
      intents: d.intents ?? 0,
      shard: shardOf(d.shard),
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    const world = this.options.world;
    this.options.onEvent('gateway.identify', { intents: session.intents, shard: session.shard });
    const guilds = [...world.guilds.values()].filter((g) => sessionServes(session, g.id));
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...world.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.gatewayUrl(),
      shard: session.shard,
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    });
    for (const guild of guilds) this.dispatchTo(session, 'GUILD_CREATE', guildPayload(guild));
  }

  private resume(
    connection: Connection,
    d: { token?: string; session_id?: string; seq?: number },
  ): void {
    const session = d?.session_id ? this.sessions.get(d.session_id) : undefined;
    if (!session || (d.token !== this.options.token && d.token !== `Bot ${this.options.token}`)) {
      connection.send({ op: 9, d: false, s: null, t: null });
      this.options.onEvent('gateway.resume-rejected', {});
      return;
    }
    session.socket = connection;
    connection.session = session;
    const missed = session.events.filter((e) => e.s > (d.seq ?? 0));
    for (const event of missed) connection.send({ op: 0, ...event });
    this.dispatchTo(session, 'RESUMED', null);
    this.options.onEvent('gateway.resume', { replayed: missed.length });
  }

  /**
   * Sends a dispatch to every identified session whose shard has the event's guild (buffered for
   * replay when the socket is down).
   */
  dispatch(t: string, d: unknown): void {
    const guildId = guildOf(d);
    for (const session of this.sessions.values())
      if (sessionServes(session, guildId)) this.dispatchTo(session, t, d);
  }

  private dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq++;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > 1000) session.events.shift();
    session.socket?.send({ op: 0, ...event });
  }

  /** Closes every open gateway connection with `code` (4000 lets the client resume; 4004 does not). */
  closeAll(code: number, reason = 'closed by the emulator'): void {
    for (const c of this.connections) c.ws.close(code, reason);
  }

  get readySessions(): number {
    return [...this.sessions.values()].filter((s) => s.socket !== null).length;
  }

  close(): void {
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }
}

function sendDeflated(ws: WebSocket, deflate: Deflate, json: string): Promise<void> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    deflate.on('data', onData);
    deflate.write(json);
    deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
      deflate.off('data', onData);
      if (ws.readyState === ws.OPEN) ws.send(Buffer.concat(chunks));
      resolve();
    });
  });
}
