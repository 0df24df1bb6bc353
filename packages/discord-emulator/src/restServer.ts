/** The emulator's HTTP side: reads a request, applies faults and rate limits, routes it, records it. */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { faultResponse, type FaultInjector } from './faults.js';
import { parseBody, readBody } from './http.js';
import type { InteractionRecord } from './interactions.js';
import type { RateLimiter } from './rateLimits.js';
import { routeRest } from './rest.js';
import type { World } from './world.js';

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: Record<string, unknown> | null;
  known: boolean;
  multipart: boolean;
  at: number;
}

/** What the HTTP side needs from the emulator. */
export interface RestHost extends EventEmitter {
  readonly origin: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly world: World;
  readonly faults: FaultInjector;
  readonly rateLimiter: RateLimiter;
  /** Sends a gateway dispatch to the bot. */
  dispatch(t: string, d: unknown): void;
  readonly interactions: Map<string, InteractionRecord>;
  readonly requests: RecordedRequest[];
}

export async function handleRestRequest(
  host: RestHost,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', host.origin);
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
  const raw = await readBody(req);
  let parsed;
  try {
    parsed = parseBody(raw, req.headers['content-type']);
  } catch {
    return respond(host, res, { method, path, body: null, known: true, multipart: false }, 400, {
      message: '400: Bad Request',
      code: 50109,
    });
  }
  const record = { method, path, body: parsed.json, known: true, multipart: parsed.multipart };
  const fault = host.faults.take(method, path);
  if (fault && 'delayMs' in fault) await delay(fault.delayMs);
  else if (fault) {
    const f = faultResponse(fault);
    return respond(host, res, record, f.status, f.body, f.headers);
  }
  const limit = host.rateLimiter.check(method, path);
  if (limit.limited) return respond(host, res, record, 429, limit.limited.body, limit.headers);
  const authorized = req.headers.authorization === `Bot ${host.token}`;
  const result = routeRest(
    {
      world: host.world,
      gatewayUrl: host.gatewayUrl,
      interactions: host.interactions,
      onMessage: (message) => host.emit('message', message),
      onInteractionUpdate: (interaction) => host.emit('interaction', interaction),
      dispatch: (t, d) => host.dispatch(t, d),
    },
    { method, path, body: parsed.json, authorized },
  );
  respond(host, res, { ...record, known: result.known }, result.status, result.body, limit.headers);
}

function respond(
  host: RestHost,
  res: ServerResponse,
  record: Omit<RecordedRequest, 'status' | 'at'>,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  host.requests.push({ ...record, status, at: Date.now() });
  if (body === undefined) res.writeHead(status, headers).end();
  else
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));
  host.emit('request', record);
  host.emit('change');
}
