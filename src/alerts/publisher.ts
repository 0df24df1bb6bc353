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

export interface Publisher {
  /** Posts `message`; `nonce` lets Discord drop a repeat of the same delivery. Throws PublishError. */
  publish(channelId: string, message: AlertMessage, nonce: string): Promise<{ messageId: string }>;
  /**
   * The id of this alert's message when it is in the channel already (for a delivery taken over
   * from a process that died between sending and recording), else null. Optional: without it a
   * taken-over delivery is sent again and only the nonce guards it.
   */
  findSent?(channelId: string, message: AlertMessage, nonce: string): Promise<string | null>;
  /**
   * Publishes (crossposts) a message of an announcement channel to the channels following it.
   * Throws PublishError: 429 with `retryAfterSeconds` (the publish limit), code 40033 when it was
   * published already, 403 code 50013 without the permission. Optional: without it nothing is published.
   */
  crosspost?(channelId: string, messageId: string): Promise<void>;
}
