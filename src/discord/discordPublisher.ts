/**
 * Posts alerts with discord.js's REST client (its queue handles route buckets
 * and the global limit). It sends nothing while the invalid-request budget is
 * spent or the channel's route backs off after a 429, and a 429 reaches it at
 * once (createDiscordClient rejects them on message routes) so that it, not
 * discord.js's retry at every reset, decides when the route is tried again.
 */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import { PublishError, type Publisher } from '../alerts/publisher.js';
import type { AlertMessage } from '../alerts/renderAlert.js';
import { DiscordThreads } from './discordThreads.js';
import { findSentAlert } from './sentAlerts.js';
import type { InvalidRequestBudget, RouteBackoff } from './requestBudget.js';

/** Maps what the REST client threw to a delivery outcome. */
export function toPublishError(err: unknown): PublishError {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : undefined;
    const failure =
      err.status === 403
        ? 'forbidden'
        : err.status === 404
          ? 'unknown-channel'
          : err.status === 400
            ? 'invalid'
            : 'transient';
    return new PublishError(failure, `${err.status} ${err.message}`, err.status, code);
  }
  if (err instanceof HTTPError)
    return new PublishError('transient', `${err.status} ${err.message}`, err.status);
  return new PublishError('transient', (err as Error)?.message ?? String(err));
}

export interface PublisherGuards {
  budget?: InvalidRequestBudget;
  backoff?: RouteBackoff;
  /** The logged-in bot's id when known (for findSent); else asked once over REST. */
  botUserId?: () => string | undefined;
  /** Whether the bot may manage a channel, from the gateway's cache (forum tags); see discordThreads. */
  canManageChannel?: (channelId: string) => boolean | undefined;
}

export class DiscordPublisher implements Publisher {
  private botUser: Promise<string> | null = null;
  /** Threads and forum posts (src/discord/discordThreads.ts). */
  readonly threads: DiscordThreads;

  constructor(
    private readonly rest: REST,
    private readonly guards: PublisherGuards = {},
  ) {
    this.threads = new DiscordThreads(rest, {
      botUserId: () => this.botUserId(),
      ...(guards.canManageChannel && { canManageChannel: guards.canManageChannel }),
    });
  }

  /** The bot's id: `guards.botUserId` (the gateway client's user) or, once, GET /users/@me. */
  private botUserId(): Promise<string> {
    const known = this.guards.botUserId?.();
    this.botUser ??= known
      ? Promise.resolve(known)
      : (this.rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id);
    return this.botUser.catch((err: unknown) => {
      this.botUser = null;
      throw err;
    });
  }

  /**
   * Looks in the channel's recent history for this alert (src/discord/sentAlerts.ts); the bot's id
   * comes from `guards.botUserId` (the gateway client's user) or, once, from GET /users/@me.
   */
  async findSent(channelId: string, message: AlertMessage, nonce: string): Promise<string | null> {
    try {
      const botUserId = await this.botUserId();
      return await findSentAlert(this.rest, { channelId, botUserId, message, nonce });
    } catch (err) {
      throw toPublishError(err);
    }
  }

  async publish(
    channelId: string,
    message: AlertMessage,
    nonce: string,
  ): Promise<{ messageId: string }> {
    const route = Routes.channelMessages(channelId);
    const { budget, backoff } = this.guards;
    const pausedMs = budget?.pausedForMs() ?? 0;
    if (pausedMs > 0)
      throw new PublishError(
        'paused',
        'too many invalid Discord requests lately: deliveries paused',
        undefined,
        undefined,
        pausedMs / 1000,
      );
    const waitMs = backoff?.waitMs(route) ?? 0;
    if (waitMs > 0)
      throw new PublishError(
        'paused',
        'the channel is backing off after 429s',
        429,
        undefined,
        waitMs / 1000,
      );
    try {
      const sent = (await this.rest.post(route, {
        body: { ...message, nonce, enforce_nonce: true },
      })) as { id: string };
      backoff?.succeeded(route);
      return { messageId: sent.id };
    } catch (err) {
      if (err instanceof RateLimitError) {
        const wait = backoff?.rateLimited(route, err.retryAfter / 1000) ?? err.retryAfter / 1000;
        throw new PublishError(
          'transient',
          `429 rate limited (${err.global ? 'global' : err.scope}); retrying in ${wait} s`,
          429,
          undefined,
          wait,
        );
      }
      throw toPublishError(err);
    }
  }
}
