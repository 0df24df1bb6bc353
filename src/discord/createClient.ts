/** The discord.js client jikenbo runs: the Guilds intent only and almost no cache. */
import { Client, GatewayIntentBits, Options, RESTEvents, type RateLimitData } from 'discord.js';
import { budgetedMakeRequest, type SharedRequestBudget } from './sharedRequestBudget.js';

/** The gateway shards this process runs: SHARD_IDS of SHARD_COUNT (config.shards). */
export interface ClientShards {
  ids: readonly number[];
  count: number;
}

/** Alert posts: the publisher backs these off itself. Every other route keeps discord.js's retries. */
const ALERT_ROUTE = /^\/channels\/(:id|\d+)\/messages$/;
/** Publishes (crossposts): about 10 an hour per channel, so a 429 means a wait of up to an hour. */
const CROSSPOST_ROUTE = /^\/channels\/(:id|\d+)\/messages\/(:id|\d+)\/crosspost$/;

/**
 * A client whose REST calls go to `apiUrl` (Discord, a REST proxy, or the local
 * emulator). A 429 that Discord actually answered to an alert post (POST
 * /channels/:id/messages) rejects at once with a RateLimitError (the publisher
 * then backs the route off exponentially) instead of discord.js retrying it at
 * every reset; waits that discord.js's own bucket tracking imposes before
 * sending are kept (but for publishes, which reject either way), and interaction
 * replies keep discord.js's retries. With `shards`, it
 * identifies only those shards (discord.js `shards`/`shardCount`), so Discord sends it only those
 * shards' guilds and interactions. With `budget`, every REST request also waits for the global limit
 * shared with the bot's other processes (sharedRequestBudget.ts).
 */
export function createDiscordClient(
  apiUrl: string,
  shards?: ClientShards,
  budget?: SharedRequestBudget,
): Client {
  const answered429 = new Set<string>();
  // Keyed by the request's own path (the bucket route is shared by every channel).
  const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
  const pathOf = (url: string) => /\/v\d+(\/[^?]*)/.exec(new URL(url).pathname)?.[1] ?? '';
  // A publish never waits inside discord.js (its bucket's reset can be an hour away): the publish
  // queue reschedules it, whether Discord answered 429 or discord.js would wait before sending.
  const rejectOnRateLimit = (data: RateLimitData) => {
    const answered = answered429.delete(keyOf(data.method, pathOf(data.url)));
    if (data.method.toUpperCase() !== 'POST') return false;
    return CROSSPOST_ROUTE.test(data.route) || (answered && ALERT_ROUTE.test(data.route));
  };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards && { shards: [...shards.ids], shardCount: shards.count }),
    rest: {
      api: apiUrl,
      rejectOnRateLimit,
      ...(budget && { makeRequest: budgetedMakeRequest(budget) }),
    },
    // The bot reads guilds, text channels and roles (for permission checks) and its own
    // member; nothing else is cached, which keeps memory flat with thousands of servers.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      ThreadManager: 0,
      GuildMemberManager: {
        maxSize: 0,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
  });
  // Emitted before discord.js handles the answer, so the 429 is known when it asks rejectOnRateLimit.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) answered429.add(keyOf(request.method, request.path));
  });
  return client;
}
