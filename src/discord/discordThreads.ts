/**
 * Threads and forum posts over discord.js's REST client (the ThreadPublisher port): a thread on a
 * message has the message's id, so GET /channels/{message_id} finds one a dead worker started; a
 * second start answers 160004, read as "it exists". Forum posts are found again among the guild's
 * active threads by their parent, author and name, confirmed by their starter message.
 */
import {
  DiscordAPIError,
  PermissionFlagsBits,
  Routes,
  ThreadAutoArchiveDuration,
  type Client,
  type REST,
} from 'discord.js';
import type { ForumTagInfo, ThreadPublisher } from '../alerts/publisher.js';
import type { AlertMessage } from '../alerts/renderAlert.js';
import { toPublishError } from './discordPublisher.js';
import { findSentAlert } from './sentAlerts.js';

/** Discord's code for a second thread on one message. */
const THREAD_ALREADY_CREATED = 160004;

interface ApiThread {
  id: string;
  guild_id?: string;
  parent_id?: string | null;
  owner_id?: string;
  name?: string;
  available_tags?: Array<{ id: string; name: string; moderated?: boolean }>;
  thread_metadata?: unknown;
}

/** What the thread side needs besides REST: the bot's id, and its Manage Channels where cached. */
export interface ThreadGuards {
  botUserId: () => Promise<string>;
  /** Whether the bot may manage the channel, from the gateway's cache; undefined: unknown. */
  canManageChannel?: (channelId: string) => boolean | undefined;
}

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toPublishError(err);
  }
}

export class DiscordThreads implements ThreadPublisher {
  constructor(
    private readonly rest: REST,
    private readonly guards: ThreadGuards,
  ) {}

  findThread(messageId: string): Promise<string | null> {
    return mapped(async () => {
      try {
        const channel = (await this.rest.get(Routes.channel(messageId))) as ApiThread;
        return channel.thread_metadata ? channel.id : null;
      } catch (err) {
        if (err instanceof DiscordAPIError && err.status === 404) return null;
        throw err;
      }
    });
  }

  startThread(channelId: string, messageId: string, name: string): Promise<string> {
    return mapped(async () => {
      try {
        const thread = (await this.rest.post(Routes.threads(channelId, messageId), {
          body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
        })) as ApiThread;
        return thread.id;
      } catch (err) {
        // Started meanwhile (another worker, or a send that died before recording it): the same id.
        if (err instanceof DiscordAPIError && err.code === THREAD_ALREADY_CREATED) return messageId;
        throw err;
      }
    });
  }

  forumTags(forumId: string): Promise<{ tags: ForumTagInfo[]; canManage: boolean }> {
    return mapped(async () => {
      const forum = (await this.rest.get(Routes.channel(forumId))) as ApiThread;
      const tags = (forum.available_tags ?? []).map((t) => ({ id: t.id, name: t.name }));
      // Unknown (no gateway cache): try, and a 403 says no.
      return { tags, canManage: this.guards.canManageChannel?.(forumId) ?? true };
    });
  }

  setForumTags(
    forumId: string,
    tags: ReadonlyArray<{ id?: string; name: string }>,
  ): Promise<ForumTagInfo[]> {
    return mapped(async () => {
      const forum = (await this.rest.patch(Routes.channel(forumId), {
        body: {
          available_tags: tags.map((t) => (t.id ? { id: t.id, name: t.name } : { name: t.name })),
        },
      })) as ApiThread;
      return (forum.available_tags ?? []).map((t) => ({ id: t.id, name: t.name }));
    });
  }

  createForumPost(
    forumId: string,
    post: { name: string; message: AlertMessage; appliedTags: readonly string[] },
  ): Promise<string> {
    return mapped(async () => {
      const thread = (await this.rest.post(Routes.threads(forumId), {
        body: {
          name: post.name,
          auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
          message: post.message,
          applied_tags: post.appliedTags,
        },
      })) as ApiThread;
      return thread.id;
    });
  }

  findForumPost(forumId: string, name: string, message: AlertMessage): Promise<string | null> {
    return mapped(async () => {
      const forum = (await this.rest.get(Routes.channel(forumId))) as ApiThread;
      if (!forum.guild_id) return null;
      const botUserId = await this.guards.botUserId();
      const { threads } = (await this.rest.get(Routes.guildActiveThreads(forum.guild_id))) as {
        threads: ApiThread[];
      };
      for (const thread of threads) {
        if (thread.parent_id !== forumId || thread.owner_id !== botUserId || thread.name !== name)
          continue;
        const starter = await findSentAlert(this.rest, {
          channelId: thread.id,
          botUserId,
          message,
          nonce: '',
        });
        if (starter !== null) return thread.id;
      }
      return null;
    });
  }
}

/** Whether the logged-in bot may manage a cached channel (undefined when the cache cannot say). */
export function manageChannelsCheck(client: Client): (channelId: string) => boolean | undefined {
  return (channelId) => {
    const channel = client.channels.cache.get(channelId);
    if (!channel || !client.user || !('permissionsFor' in channel)) return undefined;
    return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.ManageChannels);
  };
}
