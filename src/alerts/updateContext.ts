/** Finds, for a post that continues an incident, its first report and the alert to reply to in a channel. */
import { linkOf } from '../incidents/linkIncident.js';
import type { Stores } from '../store/openStores.js';
import { deliveryId } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';
import { renderAlert } from './renderAlert.js';
import { renderUpdateAlert, type ReplyMessage, type UpdateContext } from './renderUpdate.js';
import { watchHitsIn, withWatchHits } from './watchAlert.js';

/**
 * The update context of `record` in `channelId`, or null when it continues nothing stored. The reply
 * goes to the channel's alert of the post the update cites, else of the first report.
 */
export async function updateContextFor(
  record: StoredPost,
  channelId: string,
  stores: Pick<Stores, 'posts' | 'outbox'>,
): Promise<UpdateContext | null> {
  const link = linkOf(record);
  if (!link) return null;
  const original = await stores.posts.get(link.rootId);
  if (!original) return null;
  const previous =
    link.citedId === link.rootId ? original : ((await stores.posts.get(link.citedId)) ?? original);
  for (const postId of new Set([link.citedId, link.rootId])) {
    const earlier = await stores.outbox.get(deliveryId(postId, channelId));
    if (earlier?.status === 'delivered' && earlier.messageId)
      return { original, previous, replyTo: earlier.messageId, earlier };
  }
  return { original, previous, replyTo: null };
}

/**
 * The message for `record` in the subscription's channel: an update alert when it continues an
 * incident, else the alert; with the server's watches that sent it there, if any. With it, the
 * update context (null for a first report), which decides where it goes (threadRoute.ts).
 */
export async function renderForChannel(
  record: StoredPost,
  subscription: Subscription,
  settings: GuildSettings,
  stores: Pick<Stores, 'posts' | 'outbox'>,
): Promise<{ message: ReplyMessage; context: UpdateContext | null }> {
  const channelId = subscription.channelId;
  const context = await updateContextFor(record, channelId, stores);
  const message = context
    ? renderUpdateAlert(record, subscription, context)
    : renderAlert(record, subscription);
  return {
    message: withWatchHits(message, watchHitsIn(record, settings, channelId), subscription),
    context,
  };
}
