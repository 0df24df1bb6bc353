/**
 * POST /channels/{channel.id}/messages/{message.id}/crosspost ("Publish" in the client): only in an
 * announcement channel (type 5); the bot's own messages need Send Messages, others' Manage
 * Messages; a message is published once (40033 after), and the CROSSPOSTED flag marks it. The
 * per-channel publish limit (about 10 per hour) is in rateLimits.ts, before this handler runs.
 */
import { Permission } from './permissions.js';
import { notFound, type RestContext, type RestRequest, type RestResponse } from './restTypes.js';
import { ChannelType } from './world.js';

/** Message flag CROSSPOSTED: the message was published to the channels following this one. */
export const CROSSPOSTED = 1 << 0;

const refuse = (status: number, message: string, code: number): RestResponse => ({
  status,
  body: { message, code },
});

export function crosspostMessage(
  ctx: RestContext,
  _req: RestRequest,
  [channelId, messageId]: string[],
): RestResponse {
  const found = ctx.world.channel(channelId as string);
  if (!found) return notFound('Unknown Channel', 10003);
  const perms = ctx.world.permissionsIn(found.channel.id, ctx.world.botUser.id);
  if (!(perms & Permission.ViewChannel)) return refuse(403, 'Missing Access', 50001);
  const message = ctx.world.messagesIn(found.channel.id).find((m) => m.id === messageId);
  if (!message) return notFound('Unknown Message', 10008);
  // Discord's documentation names no code for this; it answers this general one for actions a
  // channel type does not support (50068 "Invalid message type" is for system messages).
  if (found.channel.type !== ChannelType.GuildAnnouncement)
    return refuse(400, 'Cannot execute action on this channel type', 50024);
  const own = (message.author as { id?: string } | undefined)?.id === ctx.world.botUser.id;
  if (!(perms & Permission.SendMessages) || (!own && !(perms & Permission.ManageMessages)))
    return refuse(403, 'Missing Permissions', 50013);
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  if (flags & CROSSPOSTED) return refuse(400, 'This message has already been crossposted', 40033);
  message.flags = flags | CROSSPOSTED;
  return { status: 200, body: message };
}
