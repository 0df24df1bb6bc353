/** POST /channels/{id}/messages: permissions, validation, nonces and storage as Discord does them. */
import { replyFields } from './messageReferences.js';
import { Permission } from './permissions.js';
import { admitThreadMessage, countThreadMessage, isThread } from './threads.js';
import {
  invalid,
  makeMessage,
  notFound,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './restTypes.js';

export function createMessage(
  ctx: RestContext,
  req: RestRequest,
  [channelId]: string[],
): RestResponse {
  const found = ctx.world.channel(channelId as string);
  if (!found) return notFound('Unknown Channel', 10003);
  const perms = ctx.world.permissionsIn(found.channel.id, ctx.world.botUser.id);
  if (!(perms & Permission.ViewChannel))
    return { status: 403, body: { message: 'Missing Access', code: 50001 } };
  const hasEmbeds = Array.isArray(req.body?.embeds) && (req.body?.embeds as unknown[]).length > 0;
  const inThread = isThread(found.channel);
  // In a thread, Send Messages in Threads stands for Send Messages.
  const canSend = inThread || perms & Permission.SendMessages;
  if (!canSend || (hasEmbeds && !(perms & Permission.EmbedLinks))) {
    return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
  }
  if (inThread) {
    const refused = admitThreadMessage(ctx, found.channel, perms);
    if (refused) return refused;
  } else if (found.channel.type !== 0 && found.channel.type !== 5)
    return {
      status: 400,
      body: { message: 'Cannot send messages in a non-text channel', code: 50008 },
    };
  if (!req.body?.content && !hasEmbeds)
    return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  const bad = invalid(req.body);
  if (bad) return bad;
  const nonce = req.body?.nonce;
  if (ctx.world.nonceCheck && req.body?.enforce_nonce === true && nonce !== undefined) {
    // Discord drops a repeat of the same nonce in the same channel and returns the first message.
    const repeat = ctx.world.messagesIn(found.channel.id).find((m) => m.nonce === nonce);
    if (repeat) return { status: 200, body: repeat };
  }
  const reply = replyFields(ctx, found.channel.id, found.guild.id, req.body);
  if ('error' in reply) return reply.error;
  const message = {
    ...makeMessage(ctx, found.channel.id, req.body ?? {}),
    ...reply.fields,
    ...(nonce !== undefined ? { nonce } : {}),
  };
  ctx.world.messagesIn(found.channel.id).push(message);
  if (inThread) countThreadMessage(found.channel, message.id);
  ctx.onMessage(message);
  return { status: 200, body: message };
}
