/** Synthetic data for the bot benchmarks: many servers with subscriptions, many stored incidents. */
import type { GuildSettings } from '../src/store/guildSettings.js';
import { newSubscription } from '../src/store/guildSettings.js';
import type { World } from '@jikenbo/discord-emulator';
import type { StoredPost } from '../src/store/postStore.js';

/** `guilds` servers of `channels` text channels each, in the emulator. */
export function addServers(
  world: World,
  guilds: number,
  channels: number,
): Array<{ guildId: string; channelIds: string[] }> {
  return Array.from({ length: guilds }, (_, g) => {
    const guild = world.addGuild({
      name: `server ${g}`,
      members: [{ name: `owner${g}` }],
      channels: Array.from({ length: channels }, (__, c) => ({ name: `alerts-${c}` })),
    });
    return { guildId: guild.id, channelIds: guild.channels.map((c) => c.id) };
  });
}

/** Settings subscribing every channel at `low` and above. */
export function subscribeAll(
  servers: Array<{ guildId: string; channelIds: string[] }>,
): GuildSettings[] {
  const now = new Date().toISOString();
  return servers.map(({ guildId, channelIds }) => ({
    guildId,
    updatedAt: now,
    subscriptions: channelIds.map((channelId) =>
      newSubscription(guildId, channelId, now, { minSeverity: 'low', locale: 'ja' }),
    ),
  }));
}

/** `count` stored incidents cloned from real classified posts, with fresh ids and incident numbers. */
export function manyIncidents(seed: readonly StoredPost[], count: number): StoredPost[] {
  const incidents = seed.filter((r) => r.classification.kind === 'incident');
  return Array.from({ length: count }, (_, i) => {
    const base = incidents[i % incidents.length] as StoredPost;
    const year = 2015 + Math.floor(i / 1000);
    const day = new Date(Date.UTC(year, 0, 1) + (i % 1000) * 8 * 3600 * 1000).toISOString();
    return {
      ...base,
      // Distinct text per post (as real posts would have), without HTML, as the pipeline stores them.
      post: {
        ...base.post,
        html: '',
        text: `${base.post.text}\n${i}`,
        id: `bench-${i}`,
        link: `https://example.test/${i}`,
        publishedAt: day,
      },
      classification: {
        ...base.classification,
        incidentId: `${year}-${String(i % 1000).padStart(3, '0')}`,
        disclosedOn: day.slice(0, 10),
      },
    };
  });
}
