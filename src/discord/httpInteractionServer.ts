/**
 * `jikenbo serve`'s HTTP side: Discord POSTs each interaction to this server. The signature is
 * checked on the raw bytes before anything is parsed (401 otherwise); PING is answered PONG;
 * commands and autocompletes run through the same router as the gateway bot, and whatever they
 * answer first becomes the HTTP response. A command that has not answered when the deadline comes
 * is deferred, so Discord's 3 s limit always holds; its answer then edits the deferred reply.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { Client, Interaction } from 'discord.js';
import type { Logger } from '../log.js';
import { CallbackType, InteractionExchange, type CallbackRest } from './httpCallbacks.js';
import { checkSignature } from './httpSignature.js';
import {
  GuildFacts,
  interactionOf,
  PayloadType,
  type InteractionPayload,
} from './httpInteraction.js';

/** Answer (defer) by then at the latest: Discord's limit is 3 s from sending, network included. */
export const ANSWER_WITHIN_MS = 2_000;
/** Interactions are a few kB; anything far larger is not one. */
export const MAX_BODY_BYTES = 1 << 20;

export interface InteractionServerDeps {
  publicKey: KeyObject;
  client: Client;
  rest: CallbackRest;
  route: (interaction: Interaction) => Promise<void>;
  log: Logger;
  nowMs?: () => number;
  answerWithinMs?: number;
}

export interface InteractionServer {
  /** The URL to give Discord as the Interactions Endpoint URL (…/interactions). */
  readonly url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): Promise<void> {
  return new Promise((resolve) => {
    res.once('close', () => resolve());
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(body), () => resolve());
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The request handler (exported for tests that need no socket). */
export function interactionHandler(deps: InteractionServerDeps) {
  const { publicKey, client, rest, route, log } = deps;
  const nowMs = deps.nowMs ?? Date.now;
  const within = deps.answerWithinMs ?? ANSWER_WITHIN_MS;
  const facts = new GuildFacts(client, log);

  async function serveInteraction(payload: InteractionPayload, res: ServerResponse): Promise<void> {
    if (payload.type === PayloadType.Ping) return send(res, 200, { type: CallbackType.Pong });
    const interaction = interactionOf(client, payload);
    if (!interaction) return send(res, 400, { error: 'unsupported interaction type' });
    const exchange = new InteractionExchange(
      rest,
      payload.application_id,
      payload.token,
      interaction.isAutocomplete() ? 'autocomplete' : 'command',
      (body) => send(res, 200, body),
    );
    const close = rest.expect(payload.id, exchange);
    const deadline = setTimeout(() => void exchange.answerInTime(), within);
    const guildId = interaction.isChatInputCommand() ? payload.guild_id : undefined;
    try {
      if (guildId) await facts.acquire(guildId);
      await route(interaction);
      // The router answers every command it knows; an unknown one still gets its "thinking…".
      if (exchange.answered === null) await exchange.answerInTime();
    } finally {
      clearTimeout(deadline);
      close();
      if (guildId) facts.release(guildId);
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true });
    if (req.method !== 'POST' || path !== '/interactions')
      return send(res, 404, { error: 'not found' });
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      return send(res, err instanceof BodyTooLarge ? 413 : 400, { error: 'unreadable body' });
    }
    const verdict = checkSignature(
      publicKey,
      {
        signature: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
        body,
      },
      nowMs(),
    );
    if (verdict !== 'valid') {
      log.warn({ verdict }, 'interaction refused: bad signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    let payload: InteractionPayload;
    try {
      payload = JSON.parse(body.toString('utf8')) as InteractionPayload;
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    try {
      await serveInteraction(payload, res);
    } catch (err) {
      log.error({ err, interaction: payload.id }, 'interaction failed');
      if (!res.headersSent) await send(res, 500, { error: 'internal error' });
    }
  };
}

/** Listens on `port` (0: any free one) at `host`. */
export async function startInteractionServer(
  deps: InteractionServerDeps,
  port: number,
  host = '0.0.0.0',
): Promise<InteractionServer> {
  const handle = interactionHandler(deps);
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${address.port}/interactions`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
