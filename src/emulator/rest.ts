/** REST routes under /api/v10 that a bot uses, answering in Discord's shapes. */
import type { InteractionRecord } from './interactions.js';
import { nextSnowflake } from './snowflake.js';
import { invalidFormBody, validateMessage } from './validation.js';
import { Permission } from './permissions.js';
import type { StoredMessage, World } from './world.js';

export interface RestRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  authorized: boolean;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export interface RestContext {
  world: World;
  gatewayUrl: string;
  interactions: Map<string, InteractionRecord>;
  onMessage: (message: StoredMessage) => void;
  onInteractionUpdate: (record: InteractionRecord) => void;
}

type Handler = (ctx: RestContext, req: RestRequest, params: string[]) => RestResponse;

const notFound = (message: string, code: number): RestResponse => ({
  status: 404,
  body: { message, code },
});
const unauthorized: RestResponse = { status: 401, body: { message: '401: Unauthorized', code: 0 } };

function makeMessage(
  ctx: RestContext,
  channelId: string,
  body: Record<string, unknown>,
  webhookId?: string,
): StoredMessage {
  return {
    id: nextSnowflake(),
    channel_id: channelId,
    type: 0,
    author: webhookId ? { ...ctx.world.botUser, id: webhookId } : ctx.world.botUser,
    content: (body.content as string | undefined) ?? '',
    embeds: (body.embeds as unknown[] | undefined) ?? [],
    components: (body.components as unknown[] | undefined) ?? [],
    allowed_mentions: body.allowed_mentions ?? null,
    flags: (body.flags as number | undefined) ?? 0,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...(webhookId ? { webhook_id: webhookId } : {}),
  };
}

function invalid(body: Record<string, unknown> | null): RestResponse | null {
  const errors = validateMessage(body ?? {});
  return errors.length > 0 ? { status: 400, body: invalidFormBody(errors) } : null;
}

function createMessage(ctx: RestContext, req: RestRequest, [channelId]: string[]): RestResponse {
  const found = ctx.world.channel(channelId as string);
  if (!found) return notFound('Unknown Channel', 10003);
  const perms = ctx.world.permissionsIn(found.channel.id, ctx.world.botUser.id);
  if (!(perms & Permission.ViewChannel))
    return { status: 403, body: { message: 'Missing Access', code: 50001 } };
  const hasEmbeds = Array.isArray(req.body?.embeds) && (req.body?.embeds as unknown[]).length > 0;
  if (!(perms & Permission.SendMessages) || (hasEmbeds && !(perms & Permission.EmbedLinks))) {
    return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
  }
  if (found.channel.type !== 0 && found.channel.type !== 5)
    return {
      status: 400,
      body: { message: 'Cannot send messages in a non-text channel', code: 50008 },
    };
  if (!req.body?.content && !hasEmbeds)
    return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  const bad = invalid(req.body);
  if (bad) return bad;
  const nonce = req.body?.nonce;
  if (req.body?.enforce_nonce === true && nonce !== undefined) {
    // Discord drops a repeat of the same nonce in the same channel and returns the first message.
    const repeat = ctx.world.messagesIn(found.channel.id).find((m) => m.nonce === nonce);
    if (repeat) return { status: 200, body: repeat };
  }
  const message = {
    ...makeMessage(ctx, found.channel.id, req.body ?? {}),
    ...(nonce !== undefined ? { nonce } : {}),
  };
  ctx.world.messagesIn(found.channel.id).push(message);
  ctx.onMessage(message);
  return { status: 200, body: message };
}

function interactionByToken(ctx: RestContext, token: string): InteractionRecord | undefined {
  return [...ctx.interactions.values()].find((i) => i.token === token);
}

function callback(ctx: RestContext, req: RestRequest, [id, token]: string[]): RestResponse {
  const record = ctx.interactions.get(id as string);
  if (!record || record.token !== token) return notFound('Unknown interaction', 10062);
  if (record.callbacks.length > 0)
    return {
      status: 400,
      body: { message: 'Interaction has already been acknowledged.', code: 40060 },
    };
  const type = Number(req.body?.type);
  const data = (req.body?.data as Record<string, unknown> | undefined) ?? null;
  if ((type === 4 || type === 7) && data) {
    const bad = invalid(data);
    if (bad) return bad;
  }
  record.callbacks.push({ type, data });
  if (type === 4 || type === 7)
    record.original = makeMessage(
      ctx,
      String(record.payload.channel_id),
      data ?? {},
      ctx.world.applicationId,
    );
  ctx.onInteractionUpdate(record);
  return { status: 204 };
}

function webhookMessage(
  ctx: RestContext,
  req: RestRequest,
  [, token, messageId]: string[],
): RestResponse {
  const record = interactionByToken(ctx, token as string);
  if (!record) return notFound('Unknown Webhook', 10015);
  const id = decodeURIComponent(messageId as string);
  const target = id === '@original' ? record.original : record.followups.find((m) => m.id === id);
  if (req.method === 'GET')
    return target ? { status: 200, body: target } : notFound('Unknown Message', 10008);
  if (req.method === 'DELETE') {
    if (id === '@original') record.original = null;
    return { status: 204 };
  }
  const bad = invalid(req.body);
  if (bad) return bad;
  const edited = {
    ...(target ?? makeMessage(ctx, String(record.payload.channel_id), {}, ctx.world.applicationId)),
    ...req.body,
    edited_timestamp: new Date().toISOString(),
  } as StoredMessage;
  if (id === '@original') record.original = edited;
  else record.followups = record.followups.map((m) => (m.id === id ? edited : m));
  ctx.onInteractionUpdate(record);
  return { status: 200, body: edited };
}

function followup(ctx: RestContext, req: RestRequest, [, token]: string[]): RestResponse {
  const record = interactionByToken(ctx, token as string);
  if (!record) return notFound('Unknown Webhook', 10015);
  const bad = invalid(req.body);
  if (bad) return bad;
  const message = makeMessage(
    ctx,
    String(record.payload.channel_id),
    req.body ?? {},
    ctx.world.applicationId,
  );
  record.followups.push(message);
  ctx.onInteractionUpdate(record);
  return { status: 200, body: message };
}

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
