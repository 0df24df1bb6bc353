/** Finds, for a post that continues an incident, its first report and the alert to reply to in a channel. */
import { linkOf } from '../incidents/linkIncident.js';
import type { Stores } from '../store/openStores.js';
import { deliveryId } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import type { Subscription } from '../store/guildSettings.js';
import { renderAlert, type AlertMessage } from './renderAlert.js';
import { renderUpdateAlert, type UpdateContext } from './renderUpdate.js';

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
      return { original, previous, replyTo: earlier.messageId };
  }
  return { original, previous, replyTo: null };
}

/** The message for `record` in `channelId`: an update alert when it continues an incident, else the alert. */
export async function renderForChannel(
  record: StoredPost,
  subscription: Subscription,
  channelId: string,
  stores: Pick<Stores, 'posts' | 'outbox'>,
): Promise<AlertMessage> {
  const context = await updateContextFor(record, channelId, stores);
  return context
    ? renderUpdateAlert(record, subscription, context)
    : renderAlert(record, subscription);
}
