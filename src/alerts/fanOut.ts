/**
 * Turns new posts into outbox deliveries for every healthy subscription whose filter they pass. A
 * digest subscription's rows, and those below its quiet-hours severity during quiet hours, are held
 * (`holdUntil`) for the digest that follows.
 */
import type { GuildSettings } from '../store/guildSettings.js';
import { deliveryId, type Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { holdUntil } from '../subscriptions/deliverySchedule.js';
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
        const hold = holdUntil(
          subscription,
          subscription.locale,
          record.classification.severity,
          now,
        );
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
          ...(hold && { holdUntil: hold }),
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  return deliveries;
}
