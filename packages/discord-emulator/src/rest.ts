/** REST routes under /api/v10 that a bot uses, answering in Discord's shapes. */
import { callback, followup, webhookMessage } from './restInteractions.js';
import { createMessage } from './restMessages.js';
import { THREAD_ROUTES } from './restThreads.js';
import { notFound, type RestContext, type RestRequest, type RestResponse } from './restTypes.js';
import { nextSnowflake } from './snowflake.js';

export type { RestContext, RestRequest, RestResponse } from './restTypes.js';

type Handler = (ctx: RestContext, req: RestRequest, params: string[]) => RestResponse;

const unauthorized: RestResponse = { status: 401, body: { message: '401: Unauthorized', code: 0 } };

function putCommands(ctx: RestContext, req: RestRequest, guildId?: string): RestResponse {
  const list = Array.isArray(req.body) ? (req.body as Record<string, unknown>[]) : [];
  const stored = list.map((c) => ({
    ...c,
    id: nextSnowflake(),
    application_id: ctx.world.applicationId,
    version: nextSnowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
  }));
  if (guildId) ctx.world.guildCommands.set(guildId, stored);
  else ctx.world.globalCommands.splice(0, ctx.world.globalCommands.length, ...stored);
  return { status: 200, body: stored };
}

const ROUTES: Array<{ method: string; pattern: RegExp; auth: boolean; handle: Handler }> = [
  {
    method: 'GET',
    pattern: /^\/gateway\/bot$/,
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        url: ctx.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/gateway$/,
    auth: false,
    handle: (ctx) => ({ status: 200, body: { url: ctx.gatewayUrl } }),
  },
  {
    method: 'GET',
    pattern: /^\/users\/@me$/,
    auth: true,
    handle: (ctx) => ({ status: 200, body: ctx.world.botUser }),
  },
  {
    method: 'GET',
    pattern: /^\/applications\/@me$/,
    auth: true,
    handle: (ctx) => ({
      status: 200,
      body: {
        id: ctx.world.applicationId,
        name: ctx.world.botUser.username,
        flags: 0,
        bot_public: true,
      },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/applications\/(\d+)\/commands$/,
    auth: true,
    handle: (ctx) => ({ status: 200, body: ctx.world.globalCommands }),
  },
  {
    method: 'PUT',
    pattern: /^\/applications\/(\d+)\/commands$/,
    auth: true,
    handle: (ctx, req) => putCommands(ctx, req),
  },
  {
    method: 'GET',
    pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
    auth: true,
    handle: (ctx, _req, [, g]) => ({
      status: 200,
      body: ctx.world.guildCommands.get(g as string) ?? [],
    }),
  },
  {
    method: 'PUT',
    pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
    auth: true,
    handle: (ctx, req, [, g]) =>
      ctx.world.guilds.has(g as string)
        ? putCommands(ctx, req, g)
        : notFound('Unknown Guild', 10004),
  },
  { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handle: createMessage },
  {
    method: 'GET',
    pattern: /^\/channels\/(\d+)\/messages$/,
    auth: true,
    handle: (ctx, _req, [c]) =>
      ctx.world.channel(c as string)
        ? { status: 200, body: [...ctx.world.messagesIn(c as string)].reverse() }
        : notFound('Unknown Channel', 10003),
  },
  {
    method: 'GET',
    pattern: /^\/channels\/(\d+)$/,
    auth: true,
    handle: (ctx, _req, [c]) => {
      const f = ctx.world.channel(c as string);
      return f ? { status: 200, body: f.channel } : notFound('Unknown Channel', 10003);
    },
  },
  {
    method: 'GET',
    pattern: /^\/guilds\/(\d+)$/,
    auth: true,
    handle: (ctx, _req, [g]) => {
      const guild = ctx.world.guilds.get(g as string);
      return guild
        ? { status: 200, body: { ...guild, members: undefined, channels: undefined } }
        : notFound('Unknown Guild', 10004);
    },
  },
  {
    method: 'GET',
    pattern: /^\/guilds\/(\d+)\/channels$/,
    auth: true,
    handle: (ctx, _req, [g]) => {
      const guild = ctx.world.guilds.get(g as string);
      return guild ? { status: 200, body: guild.channels } : notFound('Unknown Guild', 10004);
    },
  },
  {
    method: 'GET',
    pattern: /^\/guilds\/(\d+)\/roles$/,
    auth: true,
    handle: (ctx, _req, [g]) => {
      const guild = ctx.world.guilds.get(g as string);
      return guild ? { status: 200, body: guild.roles } : notFound('Unknown Guild', 10004);
    },
  },
  {
    method: 'GET',
    pattern: /^\/guilds\/(\d+)\/members\/(\d+)$/,
    auth: true,
    handle: (ctx, _req, [g, u]) => {
      const m = ctx.world.guilds.get(g as string)?.members.find((x) => x.user.id === u);
      return m ? { status: 200, body: m } : notFound('Unknown Member', 10007);
    },
  },
  {
    method: 'POST',
    pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
    auth: false,
    handle: callback,
  },
  { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false, handle: followup },
  {
    method: 'GET',
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
    auth: false,
    handle: webhookMessage,
  },
  {
    method: 'PATCH',
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
    auth: false,
    handle: webhookMessage,
  },
  {
    method: 'DELETE',
    pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/,
    auth: false,
    handle: webhookMessage,
  },
  ...THREAD_ROUTES,
];

/** Routes one request; unknown routes answer 404 in Discord's shape. */
export function routeRest(ctx: RestContext, req: RestRequest): RestResponse & { known: boolean } {
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const match = route.pattern.exec(req.path);
    if (!match) continue;
    if (route.auth && !req.authorized) return { ...unauthorized, known: true };
    return { ...route.handle(ctx, req, match.slice(1)), known: true };
  }
  return { status: 404, body: { message: '404: Not Found', code: 0 }, known: false };
}
