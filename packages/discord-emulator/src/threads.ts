/**
 * Threads and forum posts as Discord keeps them: a thread is a channel (type 11, or 10 under an
 * announcement channel, 12 private) in its guild's thread list, with its parent's permissions; a
 * thread started from a message has that message's id, and so does a forum post (its starter
 * message). Sending into an archived thread unarchives it, unless it is locked and the sender may
 * not manage threads (50083).
 */
import { Permission } from './permissions.js';
import { notFound, type RestContext, type RestResponse } from './restTypes.js';
import { invalidFormBody, type FieldError } from './validation.js';
import { ChannelType, type EmuChannel, type EmuGuild, type World } from './world.js';

/** Discord's auto-archive choices, in minutes. */
export const AUTO_ARCHIVE_DURATIONS = [60, 1440, 4320, 10080] as const;
/** Longest thread (and forum post) name. */
export const THREAD_NAME_MAX = 100;

/** Whether `channel` is a thread (types 10–12). */
export function isThread(channel: EmuChannel): boolean {
  return (
    channel.type === ChannelType.AnnouncementThread ||
    channel.type === ChannelType.PublicThread ||
    channel.type === ChannelType.PrivateThread
  );
}

/** A Discord error answer. */
export function discordError(status: number, code: number, message: string): RestResponse {
  return { status, body: { message, code } };
}

export const missingAccess = (): RestResponse => discordError(403, 50001, 'Missing Access');
export const missingPermissions = (): RestResponse =>
  discordError(403, 50013, 'Missing Permissions');

/** Problems with a new thread's `name` and `auto_archive_duration`. */
export function threadFieldErrors(body: Record<string, unknown> | null): FieldError[] {
  const errors: FieldError[] = [];
  const name = body?.name;
  if (typeof name !== 'string' || name.trim() === '')
    errors.push({ path: 'name', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  else if ([...name].length > THREAD_NAME_MAX)
    errors.push({
      path: 'name',
      code: 'BASE_TYPE_BAD_LENGTH',
      message: `Must be between 1 and ${THREAD_NAME_MAX} in length.`,
    });
  const duration = body?.auto_archive_duration;
  if (duration !== undefined && !(AUTO_ARCHIVE_DURATIONS as readonly unknown[]).includes(duration))
    errors.push({
      path: 'auto_archive_duration',
      code: 'BASE_TYPE_CHOICES',
      message: `Value must be one of {${AUTO_ARCHIVE_DURATIONS.join(', ')}}.`,
    });
  return errors;
}

/** A 400 Invalid Form Body for `errors`, or null when there are none. */
export function formErrors(errors: FieldError[]): RestResponse | null {
  return errors.length > 0 ? { status: 400, body: invalidFormBody(errors) } : null;
}

/** Stores a new thread of `parent` with id `id` and tells the gateway (THREAD_CREATE). */
export function addThread(
  ctx: RestContext,
  guild: EmuGuild,
  parent: EmuChannel,
  spec: { id: string; name: string; type: number; autoArchive?: unknown; appliedTags?: string[] },
): EmuChannel {
  const now = new Date().toISOString();
  const thread: EmuChannel = {
    id: spec.id,
    type: spec.type,
    name: spec.name,
    guild_id: guild.id,
    position: 0,
    parent_id: parent.id,
    permission_overwrites: [],
    nsfw: parent.nsfw,
    topic: null,
    owner_id: ctx.world.botUser.id,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: typeof spec.autoArchive === 'number' ? spec.autoArchive : 4320,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
    },
    ...(spec.appliedTags ? { applied_tags: spec.appliedTags } : {}),
  };
  guild.threads.push(thread);
  ctx.dispatch?.('THREAD_CREATE', { ...thread, newly_created: true });
  return thread;
}

/**
 * Whether the bot may post into `thread` now: null when it may (an archived, unlocked thread is
 * unarchived first, with THREAD_UPDATE), else the error.
 */
export function admitThreadMessage(
  ctx: RestContext,
  thread: EmuChannel,
  perms: bigint,
): RestResponse | null {
  if (!(perms & Permission.SendMessagesInThreads)) return missingPermissions();
  const meta = thread.thread_metadata;
  if (!meta?.archived) return null;
  if (meta.locked && !(perms & Permission.ManageThreads))
    return discordError(400, 50083, 'Thread is archived');
  meta.archived = false;
  meta.archive_timestamp = new Date().toISOString();
  ctx.dispatch?.('THREAD_UPDATE', thread);
  return null;
}

/** Counts a message posted into `thread`. */
export function countThreadMessage(thread: EmuChannel, messageId: string): void {
  thread.message_count = (thread.message_count ?? 0) + 1;
  thread.total_message_sent = (thread.total_message_sent ?? 0) + 1;
  thread.last_message_id = messageId;
}

/** Archives (and optionally locks) a thread, as its auto-archive or a moderator would. */
export function archiveThread(world: World, threadId: string, locked = false): void {
  const found = world.channel(threadId);
  const meta = found?.channel.thread_metadata;
  if (!meta) throw new Error(`no thread ${threadId}`);
  meta.archived = true;
  meta.locked = locked;
  meta.archive_timestamp = new Date().toISOString();
}

/** Deletes a thread and its messages, as a moderator would. */
export function deleteThread(world: World, threadId: string): void {
  const found = world.channel(threadId);
  if (!found?.channel.thread_metadata) throw new Error(`no thread ${threadId}`);
  found.guild.threads = found.guild.threads.filter((t) => t.id !== threadId);
  world.messages.delete(threadId);
  for (const message of world.messages.get(found.channel.parent_id ?? '') ?? [])
    if ((message.thread as { id?: string } | undefined)?.id === threadId) delete message.thread;
}

/** 50024: the route does not apply to this type of channel. */
export const wrongChannelType = (): RestResponse =>
  discordError(400, 50024, 'Cannot execute action on this channel type');

/** The channel and the bot's permissions in it, or the 404/403 answer. */
export function botIn(
  ctx: RestContext,
  channelId: string,
): { error: RestResponse } | { guild: EmuGuild; channel: EmuChannel; perms: bigint } {
  const found = ctx.world.channel(channelId);
  if (!found) return { error: notFound('Unknown Channel', 10003) };
  const perms = ctx.world.permissionsIn(channelId, ctx.world.botUser.id);
  if (!(perms & Permission.ViewChannel)) return { error: missingAccess() };
  return { ...found, perms };
}
