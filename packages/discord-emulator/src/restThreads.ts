/**
 * REST routes for threads and forums, as Discord answers them:
 * - POST /channels/{id}/messages/{message_id}/threads: a thread on a message (one per message, 160004);
 * - POST /channels/{id}/threads: a thread without a message in a text channel, or a forum post
 *   (restForum.ts);
 * - PATCH /channels/{id}: a forum's `available_tags` (restForum.ts);
 * - GET /guilds/{id}/threads/active: the guild's unarchived threads.
 */
import { Permission } from './permissions.js';
import { modifyChannel, startForumPost } from './restForum.js';
import { notFound, type RestContext, type RestRequest, type RestResponse } from './restTypes.js';
import { nextSnowflake } from './snowflake.js';
import {
  addThread,
  botIn,
  formErrors,
  discordError,
  missingPermissions,
  threadFieldErrors,
  wrongChannelType,
} from './threads.js';
import { ChannelType } from './world.js';

/** The message flag Discord sets on a message a thread was started from. */
const HAS_THREAD = 1 << 5;

/** POST /channels/{id}/messages/{message_id}/threads. */
export function startThreadFromMessage(
  ctx: RestContext,
  req: RestRequest,
  [channelId, messageId]: string[],
): RestResponse {
  const found = botIn(ctx, channelId as string);
  if ('error' in found) return found.error;
  const { guild, channel, perms } = found;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
    return wrongChannelType();
  if (!(perms & Permission.CreatePublicThreads)) return missingPermissions();
  const message = ctx.world.messagesIn(channel.id).find((m) => m.id === messageId);
  if (!message) return notFound('Unknown Message', 10008);
  if (guild.threads.some((t) => t.id === message.id))
    return discordError(400, 160004, 'A thread has already been created for this message');
  const bad = formErrors(threadFieldErrors(req.body));
  if (bad) return bad;
  const thread = addThread(ctx, guild, channel, {
    id: message.id,
    name: req.body?.name as string,
    type:
      channel.type === ChannelType.GuildAnnouncement
        ? ChannelType.AnnouncementThread
        : ChannelType.PublicThread,
    autoArchive: req.body?.auto_archive_duration,
  });
  message.thread = thread;
  message.flags = Number(message.flags ?? 0) | HAS_THREAD;
  return { status: 201, body: thread };
}

/** POST /channels/{id}/threads: without a message in a text channel, or a forum post. */
export function startThread(
  ctx: RestContext,
  req: RestRequest,
  [channelId]: string[],
): RestResponse {
  const found = botIn(ctx, channelId as string);
  if ('error' in found) return found.error;
  const { guild, channel, perms } = found;
  if (channel.type === ChannelType.GuildForum) return startForumPost(ctx, req, found);
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
    return wrongChannelType();
  const type = req.body?.type ?? ChannelType.PrivateThread;
  const needed =
    type === ChannelType.PrivateThread
      ? Permission.CreatePrivateThreads
      : Permission.CreatePublicThreads;
  if (!(perms & needed)) return missingPermissions();
  const errors = threadFieldErrors(req.body);
  if (
    ![ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread].includes(
      type as never,
    )
  )
    errors.push({
      path: 'type',
      code: 'BASE_TYPE_CHOICES',
      message: 'Value must be one of {10, 11, 12}.',
    });
  const bad = formErrors(errors);
  if (bad) return bad;
  const thread = addThread(ctx, guild, channel, {
    id: nextSnowflake(),
    name: req.body?.name as string,
    type: type as number,
    autoArchive: req.body?.auto_archive_duration,
  });
  return { status: 201, body: thread };
}

/** GET /guilds/{id}/threads/active. */
export function activeThreads(
  ctx: RestContext,
  _req: RestRequest,
  [guildId]: string[],
): RestResponse {
  const guild = ctx.world.guilds.get(guildId as string);
  if (!guild) return notFound('Unknown Guild', 10004);
  return {
    status: 200,
    body: { threads: guild.threads.filter((t) => !t.thread_metadata?.archived), members: [] },
  };
}

/** The routes above, for rest.ts's table. */
export const THREAD_ROUTES = [
  {
    method: 'POST',
    pattern: /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/,
    auth: true,
    handle: startThreadFromMessage,
  },
  { method: 'POST', pattern: /^\/channels\/(\d+)\/threads$/, auth: true, handle: startThread },
  { method: 'PATCH', pattern: /^\/channels\/(\d+)$/, auth: true, handle: modifyChannel },
  {
    method: 'GET',
    pattern: /^\/guilds\/(\d+)\/threads\/active$/,
    auth: true,
    handle: activeThreads,
  },
];
