/**
 * Whether an alert is in a channel already: for deliveries taken over from a worker that died
 * between sending and recording. Discord's message history does not carry the nonce, so a message
 * counts as this alert when the bot wrote it with the same first embed (title and link); the
 * emulator, which keeps nonces, also matches on the nonce.
 */
import { Routes, type REST } from 'discord.js';
import type { AlertMessage } from '../alerts/renderAlert.js';

/** How far back to look: a takeover happens within a lease or two of the send. */
export const HISTORY_LOOKBACK = 50;

interface HistoryMessage {
  id: string;
  nonce?: string | number;
  author?: { id: string };
  embeds?: Array<{ title?: string; url?: string }>;
}

/** The id of the bot's message in `channelId` that is this alert, or null when there is none. */
export async function findSentAlert(
  rest: REST,
  request: { channelId: string; botUserId: string; message: AlertMessage; nonce: string },
): Promise<string | null> {
  const history = (await rest.get(Routes.channelMessages(request.channelId), {
    query: new URLSearchParams({ limit: String(HISTORY_LOOKBACK) }),
  })) as HistoryMessage[];
  const wanted = request.message.embeds[0];
  const found = history.find(
    (m) =>
      m.nonce === request.nonce ||
      (m.author?.id === request.botUserId &&
        wanted !== undefined &&
        m.embeds?.[0]?.title === wanted.title &&
        m.embeds?.[0]?.url === wanted.url),
  );
  return found?.id ?? null;
}
