/** The discord.js client jikenbo runs: the Guilds intent only and almost no cache. */
import { Client, GatewayIntentBits, Options } from 'discord.js';

/** The gateway shards this process runs: SHARD_IDS of SHARD_COUNT (config.shards). */
export interface ClientShards {
  ids: readonly number[];
  count: number;
}

/**
 * A client whose REST calls go to `apiUrl` (Discord, a REST proxy, or the local emulator). With
 * `shards`, it identifies only those shards (discord.js `shards`/`shardCount`), so Discord sends
 * it only those shards' guilds and interactions.
 */
export function createDiscordClient(apiUrl: string, shards?: ClientShards): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards && { shards: [...shards.ids], shardCount: shards.count }),
    rest: { api: apiUrl },
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
}
