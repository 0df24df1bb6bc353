/**
 * What a watch adds to an alert in its channel: the watched names that matched and where (in the
 * embed), and a ping of each watch's role, with allowed_mentions limited to those roles.
 */
import { langOf, t } from '../i18n/i18n.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';
import { newSubscription } from '../store/guildSettings.js';
import type { StoredPost } from '../store/postStore.js';
import {
  buildWatchIndex,
  watchChannelOf,
  watchHits,
  type WatchHit,
} from '../subscriptions/matchWatches.js';
import { watchesOf } from '../subscriptions/watchlist.js';
import { cut, escapeMarkdown, type AlertMessage } from './renderAlert.js';

/**
 * The subscription a delivery in `channelId` renders with: the channel's own, or for a channel only
 * a watch sends to, a stand-in in the server's first subscription's language.
 */
export function channelSubscription(
  settings: GuildSettings,
  channelId: string,
  at: string,
): Subscription | null {
  const own = settings.subscriptions.find((s) => s.channelId === channelId);
  if (own) return own;
  if (!watchesOf(settings).some((w) => watchChannelOf(w, settings) === channelId)) return null;
  const locale = settings.subscriptions[0]?.locale;
  return newSubscription(settings.guildId, channelId, at, locale ? { locale } : {});
}

/** The hits of this server's watches that send `record` to `channelId`. */
export function watchHitsIn(
  record: StoredPost,
  settings: GuildSettings,
  channelId: string,
): WatchHit[] {
  return watchHits(record, buildWatchIndex([settings])).filter(
    (h) => watchChannelOf(h.watch, settings) === channelId,
  );
}

/** `message` with the watch line and pings of `hits` (unchanged when there are none). */
export function withWatchHits<M extends AlertMessage>(
  message: M,
  hits: readonly WatchHit[],
  subscription: Subscription,
): M {
  if (hits.length === 0) return message;
  const lang = langOf(subscription.locale);
  const names = hits
    .map(
      (h) =>
        `${escapeMarkdown(h.watch.name)} (${h.fields.map((f) => t(lang, `story.watch-field.${f}`)).join(', ')})`,
    )
    .join(', ');
  const line = t(lang, 'story.watch-hit', { names });
  const roles = [
    ...new Set([
      ...message.allowed_mentions.roles,
      ...hits.map((h) => h.watch.mentionRoleId).filter((r): r is string => r !== null),
    ]),
  ];
  const [embed, ...rest] = message.embeds;
  const description = cut([embed?.description, `🔎 ${line}`].filter(Boolean).join('\n'), 2000);
  return {
    ...message,
    ...(roles.length > 0 ? { content: roles.map((r) => `<@&${r}>`).join(' ') } : {}),
    embeds: embed ? [{ ...embed, description }, ...rest] : rest,
    allowed_mentions: { parse: [], roles },
  };
}
