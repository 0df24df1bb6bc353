/** Posts alerts with discord.js's REST client (its queue handles route buckets and the global limit). */
import { DiscordAPIError, HTTPError, Routes, type REST } from 'discord.js';
import { PublishError, type Publisher } from '../alerts/publisher.js';
import type { AlertMessage } from '../alerts/renderAlert.js';
import { findSentAlert } from './sentAlerts.js';

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

export class DiscordPublisher implements Publisher {
  private botUser: Promise<string> | null = null;

  /** `botUserId`: the logged-in bot's id when known (the gateway client's user); else asked once over REST. */
  constructor(
    private readonly rest: REST,
    private readonly botUserId: () => string | undefined = () => undefined,
  ) {}

  /** Looks in the channel's recent history for this alert (src/discord/sentAlerts.ts). */
  async findSent(channelId: string, message: AlertMessage, nonce: string): Promise<string | null> {
    try {
      const known = this.botUserId();
      this.botUser ??= known
        ? Promise.resolve(known)
        : (this.rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id);
      const botUserId = await this.botUser.catch((err: unknown) => {
        this.botUser = null;
        throw err;
      });
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
    try {
      const sent = (await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...message, nonce, enforce_nonce: true },
      })) as { id: string };
      return { messageId: sent.id };
    } catch (err) {
      throw toPublishError(err);
    }
  }
}
