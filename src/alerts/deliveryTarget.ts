/**
 * Where a delivery goes and what it says: the channel's subscription (its own, or a watch's
 * stand-in), the stored post, and the message rendered for that channel (an update, or an alert,
 * with the watches that sent it there). A delivery with no healthy target fails with the reason.
 */
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';
import type { StoredPost } from '../store/postStore.js';
import { channelSubscription } from './watchAlert.js';

/** A delivery's resolved target, or why it cannot be sent. */
export type DeliveryTarget =
  | { ok: true; settings: GuildSettings; subscription: Subscription; record: StoredPost }
  | { ok: false; why: string };

/** The subscription and post of `delivery` when both exist and the subscription is healthy. */
export async function resolveTarget(
  delivery: Delivery,
  stores: Pick<Stores, 'posts' | 'guilds'>,
  at: string,
): Promise<DeliveryTarget> {
  const settings = await stores.guilds.get(delivery.guildId);
  const subscription = settings ? channelSubscription(settings, delivery.channelId, at) : null;
  const record = await stores.posts.get(delivery.postId);
  if (!record) return { ok: false, why: 'post no longer stored' };
  if (!settings || !subscription) return { ok: false, why: 'channel unsubscribed' };
  if (subscription.health.status !== 'ok') return { ok: false, why: 'subscription broken' };
  return { ok: true, settings, subscription, record };
}
