/** What the delivery worker needs from Discord, without importing it: post a message to a channel. */
import type { AlertMessage } from './renderAlert.js';

export type PublishFailure =
  /** 403: no access or permission in the channel — the subscription is broken until fixed. */
  | 'forbidden'
  /** 404: the channel is gone. */
  | 'unknown-channel'
  /** 429 that the REST client gave up on, 5xx, timeouts, network errors: retry later. */
  | 'transient'
  /** 400: Discord refused the message itself; retrying would not help. */
  | 'invalid'
  /**
   * Nothing was sent: the bot holds its requests (too many invalid requests
   * lately, or this channel's route is backing off after a 429). Retry after
   * `retryAfterSeconds`; it is not a failed attempt.
   */
  | 'paused';

export class PublishError extends Error {
  constructor(
    readonly failure: PublishFailure,
    message: string,
    readonly status?: number,
    readonly code?: number,
    /** When to try again at the earliest (a 429's growing backoff, a pause's end). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

/** A forum channel's tag. */
export interface ForumTagInfo {
  id: string;
  name: string;
}

/**
 * Threads and forum posts. In Discord a thread started on a message, and a forum post, has the id
 * of that (starter) message. Every method throws PublishError.
 */
export interface ThreadPublisher {
  /** The id of the thread started on message `messageId`, or null when it has none. */
  findThread(messageId: string): Promise<string | null>;
  /** Starts a thread named `name` on the message (an existing one is returned); its id. */
  startThread(channelId: string, messageId: string, name: string): Promise<string>;
  /** The forum's tags, and whether the bot may change them (Manage Channels). */
  forumTags(forumId: string): Promise<{ tags: ForumTagInfo[]; canManage: boolean }>;
  /** Replaces the forum's tags (a tag given with its id keeps it); the tags as stored. */
  setForumTags(
    forumId: string,
    tags: ReadonlyArray<{ id?: string; name: string }>,
  ): Promise<ForumTagInfo[]>;
  /** Posts `message` as a new forum post titled `name` with the given tags; the post's id. */
  createForumPost(
    forumId: string,
    post: { name: string; message: AlertMessage; appliedTags: readonly string[] },
  ): Promise<string>;
  /** The id of the bot's post in the forum that is this alert (for a taken-over delivery), or null. */
  findForumPost(forumId: string, name: string, message: AlertMessage): Promise<string | null>;
}

export interface Publisher {
  /** Posts `message`; `nonce` lets Discord drop a repeat of the same delivery. Throws PublishError. */
  publish(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }>;
  /**
   * The id of this alert's message when it is in the channel already (for a delivery taken over
   * from a process that died between sending and recording), else null. Optional: without it a
   * taken-over delivery is sent again and only the nonce guards it.
   */
  findSent?(channelId: string, message: AlertMessage, nonce: string): Promise<string | null>;
  /** Threads and forum posts; without them updates are replies and forums cannot be served. */
  threads?: ThreadPublisher;
}
