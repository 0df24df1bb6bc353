/**
 * Forum channels (type 15) as Discord answers them: a post is a thread whose starter message has
 * the thread's id (`message` required, `applied_tags` of the forum's own tags, at most 5), and a
 * forum's `available_tags` change with PATCH /channels/{id} (Manage Channels, at most 20, names of
 * 1–20 characters).
 */
import { Permission } from './permissions.js';
import { makeMessage, type RestContext, type RestRequest, type RestResponse } from './restTypes.js';
import {
  addThread,
  botIn,
  discordError,
  formErrors,
  isThread,
  missingPermissions,
  threadFieldErrors,
  wrongChannelType,
} from './threads.js';
import { validateMessage, type FieldError } from './validation.js';
import { ChannelType, forumTag, type EmuChannel, type EmuGuild, type ForumTag } from './world.js';

type Json = Record<string, unknown>;

/** Longest forum tag name, most tags on a forum, most tags on a post. */
export const FORUM_LIMITS = { tagName: 20, availableTags: 20, appliedTags: 5 } as const;

/** POST /channels/{id}/threads in a forum: a post with its starter message and tags. */
export function startForumPost(
  ctx: RestContext,
  req: RestRequest,
  { guild, channel, perms }: { guild: EmuGuild; channel: EmuChannel; perms: bigint },
): RestResponse {
  if (!(perms & Permission.SendMessages)) return missingPermissions();
  const body = req.body ?? {};
  const errors = threadFieldErrors(body);
  const starter = body.message as Json | undefined;
  const hasEmbeds = Array.isArray(starter?.embeds) && (starter.embeds as unknown[]).length > 0;
  if (!starter || typeof starter !== 'object')
    errors.push({ path: 'message', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  else {
    if (!starter.content && !hasEmbeds)
      return discordError(400, 50006, 'Cannot send an empty message');
    errors.push(...validateMessage(starter).map((e) => ({ ...e, path: `message.${e.path}` })));
  }
  if (hasEmbeds && !(perms & Permission.EmbedLinks)) return missingPermissions();
  errors.push(...appliedTagErrors(body.applied_tags, channel.available_tags ?? []));
  const bad = formErrors(errors);
  if (bad) return bad;
  const message = makeMessage(ctx, '', starter as Json);
  message.channel_id = message.id;
  const thread = addThread(ctx, guild, channel, {
    id: message.id,
    name: body.name as string,
    type: ChannelType.PublicThread,
    autoArchive: body.auto_archive_duration,
    appliedTags: [...new Set((body.applied_tags as string[] | undefined) ?? [])],
  });
  thread.message_count = 0;
  thread.last_message_id = message.id;
  ctx.world.messagesIn(thread.id).push(message);
  ctx.onMessage(message);
  return { status: 201, body: { ...thread, message } };
}

/** Problems with a forum post's `applied_tags`: at most 5, each one of the forum's tags. */
function appliedTagErrors(tags: unknown, available: readonly ForumTag[]): FieldError[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags))
    return [{ path: 'applied_tags', code: 'BASE_TYPE_LIST', message: 'Must be a list.' }];
  if (tags.length > FORUM_LIMITS.appliedTags)
    return [
      {
        path: 'applied_tags',
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${FORUM_LIMITS.appliedTags} or fewer in length.`,
      },
    ];
  return tags.flatMap((tag, i) =>
    available.some((t) => t.id === tag)
      ? []
      : [{ path: `applied_tags.${i}`, code: 'FORUM_TAG_UNKNOWN', message: 'Unknown tag.' }],
  );
}

/** PATCH /channels/{id}: a forum's `available_tags` (and any channel's `name`). */
export function modifyChannel(
  ctx: RestContext,
  req: RestRequest,
  [channelId]: string[],
): RestResponse {
  const found = botIn(ctx, channelId as string);
  if ('error' in found) return found.error;
  const { channel, perms } = found;
  const needed = isThread(channel) ? Permission.ManageThreads : Permission.ManageChannels;
  if (!(perms & needed)) return missingPermissions();
  const body = req.body ?? {};
  const errors: FieldError[] = [];
  const tags = body.available_tags;
  if (tags !== undefined) {
    if (channel.type !== ChannelType.GuildForum) return wrongChannelType();
    errors.push(...availableTagErrors(tags));
  }
  const bad = formErrors(errors);
  if (bad) return bad;
  if (typeof body.name === 'string') channel.name = body.name;
  if (Array.isArray(tags))
    channel.available_tags = (tags as Json[]).map((t) => {
      const kept = channel.available_tags?.find((old) => old.id === t.id);
      return {
        ...(kept ?? forumTag(t.name as string)),
        name: t.name as string,
        moderated: t.moderated === true,
      };
    });
  ctx.dispatch?.(isThread(channel) ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', channel);
  return { status: 200, body: channel };
}

function availableTagErrors(tags: unknown): FieldError[] {
  if (!Array.isArray(tags))
    return [{ path: 'available_tags', code: 'BASE_TYPE_LIST', message: 'Must be a list.' }];
  if (tags.length > FORUM_LIMITS.availableTags)
    return [
      {
        path: 'available_tags',
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${FORUM_LIMITS.availableTags} or fewer in length.`,
      },
    ];
  return (tags as Json[]).flatMap((tag, i) => {
    const n = typeof tag?.name === 'string' ? [...tag.name].length : 0;
    return n >= 1 && n <= FORUM_LIMITS.tagName
      ? []
      : [
          {
            path: `available_tags.${i}.name`,
            code: 'BASE_TYPE_BAD_LENGTH',
            message: `Must be between 1 and ${FORUM_LIMITS.tagName} in length.`,
          },
        ];
  });
}
