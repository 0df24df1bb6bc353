/** Turns new posts into outbox deliveries for every healthy subscription whose filter they pass. */
import type { GuildSettings } from '../store/guildSettings.js';
import { deliveryId, type Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { matchFilter } from '../subscriptions/matchFilter.js';

export function fanOut(
  records: readonly StoredPost[],
  guilds: readonly GuildSettings[],
  now: Date,
): Delivery[] {
  const at = now.toISOString();
  const deliveries: Delivery[] = [];
  for (const record of records) {
    for (const guild of guilds) {
      for (const subscription of guild.subscriptions) {
        if (subscription.health.status !== 'ok' || !matchFilter(subscription, record).pass)
          continue;
        deliveries.push({
          id: deliveryId(record.post.id, subscription.channelId),
          postId: record.post.id,
          guildId: guild.guildId,
          channelId: subscription.channelId,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: null,
          lastError: null,
          messageId: null,
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  return deliveries;
}
