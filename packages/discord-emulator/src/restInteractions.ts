/** Interaction callbacks and the follow-up/edit webhooks an interaction token opens. */
import type { InteractionRecord } from './interactions.js';
import type { StoredMessage } from './world.js';
import {
  invalid,
  makeMessage,
  notFound,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './restTypes.js';

function interactionByToken(ctx: RestContext, token: string): InteractionRecord | undefined {
  return [...ctx.interactions.values()].find((i) => i.token === token);
}

export function callback(ctx: RestContext, req: RestRequest, [id, token]: string[]): RestResponse {
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

export function webhookMessage(
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

export function followup(ctx: RestContext, req: RestRequest, [, token]: string[]): RestResponse {
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
