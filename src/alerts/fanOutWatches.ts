/**
 * Deliveries for watchlist hits: each post that names a watched organisation goes to the watch's
 * channel (or the server's first subscription channel), whatever the channel's filter says. A
 * delivery is one per post and channel, so a post a subscription also passes is sent once.
 */
import type { GuildSettings } from '../store/guildSettings.js';
import { deliveryId, type Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import {
  buildWatchIndex,
  watchChannelOf,
  watchHits,
  type WatchHit,
  type WatchIndex,
} from '../subscriptions/matchWatches.js';

/** The channels (with their server) that `hits` send a post to, each once. */
export function watchTargets(
  hits: readonly WatchHit[],
  guilds: ReadonlyMap<string, GuildSettings>,
): Array<{ guildId: string; channelId: string }> {
  const targets = new Map<string, { guildId: string; channelId: string }>();
  for (const hit of hits) {
    const guild = guilds.get(hit.guildId);
    const channelId = guild ? watchChannelOf(hit.watch, guild) : null;
    if (channelId) targets.set(channelId, { guildId: hit.guildId, channelId });
  }
  return [...targets.values()];
}

export function fanOutWatches(
  records: readonly StoredPost[],
  guilds: readonly GuildSettings[],
  now: Date,
  index: WatchIndex = buildWatchIndex(guilds),
): Delivery[] {
  if (index.size === 0) return [];
  const at = now.toISOString();
  const byId = new Map(guilds.map((g) => [g.guildId, g]));
  const deliveries: Delivery[] = [];
  for (const record of records)
    for (const { guildId, channelId } of watchTargets(watchHits(record, index), byId))
      deliveries.push({
        id: deliveryId(record.post.id, channelId),
        postId: record.post.id,
        guildId,
        channelId,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        messageId: null,
        createdAt: at,
        updatedAt: at,
      });
  return deliveries;
}
