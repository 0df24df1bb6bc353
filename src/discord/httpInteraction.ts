/**
 * discord.js interaction objects from HTTP payloads, so the command modules and the router run
 * unchanged in `jikenbo serve`. The client never logs in: no gateway, no caches kept between
 * requests. What a command reads from the guild cache (its channels, roles, the bot's member for
 * permission checks) is fetched over REST for the request and dropped after it.
 */
import {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Client,
  ClientUser,
  Options,
  type Interaction,
} from 'discord.js';
import type { Logger } from '../log.js';
import { CallbackRest } from './httpCallbacks.js';
import { budgetedMakeRequest, type SharedRequestBudget } from './sharedRequestBudget.js';

/** Interaction types (Discord's numbering). */
export const PayloadType = { Ping: 1, Command: 2, Component: 3, Autocomplete: 4 } as const;

export interface InteractionPayload {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  data?: { type?: number; name?: string };
  [key: string]: unknown;
}

/**
 * A client for REST only, whose callback posts the HTTP server answers (see httpCallbacks.ts); with
 * `budget`, its requests wait for the global limit shared with the bot's other processes.
 */
export function createHttpClient(
  apiUrl: string,
  token: string,
  budget?: SharedRequestBudget,
): { client: Client; rest: CallbackRest } {
  const client = new Client({
    intents: [],
    rest: { api: apiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      ThreadManager: 0,
      GuildMemberManager: {
        maxSize: 0,
        keepOverLimit: (member) => member.id === member.client.user?.id,
      },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
    }),
  });
  const rest = new CallbackRest({
    api: apiUrl,
    ...(budget && { makeRequest: budgetedMakeRequest(budget) }),
  }).setToken(token);
  client.rest = rest;
  return { client, rest };
}

/** Learns the bot's own user over REST (a gateway client learns it from READY). */
export async function identifyBot(client: Client): Promise<void> {
  const data = await client.rest.get('/users/@me');
  // discord.js builds ClientUser itself on READY; its constructor is not public API.
  client.user = Reflect.construct(ClientUser, [client, data]) as ClientUser;
}

/** The discord.js interaction for a command or autocomplete payload; null for other types. */
export function interactionOf(client: Client, payload: InteractionPayload): Interaction | null {
  // Entitlements would need the application object a logged-in client has; no command reads them.
  const data = { ...payload, entitlements: [] };
  if (payload.type === PayloadType.Command && payload.data?.type === 1)
    return Reflect.construct(ChatInputCommandInteraction, [client, data]) as Interaction;
  if (payload.type === PayloadType.Autocomplete)
    return Reflect.construct(AutocompleteInteraction, [client, data]) as Interaction;
  return null;
}

/**
 * The guild facts of the requests in progress, fetched over REST and evicted when the last request
 * in that guild is done: a serve process keeps no per-guild state between requests.
 */
export class GuildFacts {
  private readonly inUse = new Map<string, { count: number; loading: Promise<void> }>();

  constructor(
    private readonly client: Client,
    private readonly log: Logger,
  ) {}

  /** Loads the guild, its channels and the bot's member; failures leave the cache as it is. */
  acquire(guildId: string): Promise<void> {
    const held = this.inUse.get(guildId);
    if (held) {
      held.count++;
      return held.loading;
    }
    const loading = this.load(guildId).catch((err: unknown) =>
      this.log.warn({ err, guildId }, 'could not fetch guild facts over REST'),
    );
    this.inUse.set(guildId, { count: 1, loading });
    return loading;
  }

  release(guildId: string): void {
    const held = this.inUse.get(guildId);
    if (!held || --held.count > 0) return;
    this.inUse.delete(guildId);
    const guild = this.client.guilds.cache.get(guildId);
    for (const id of guild?.channels.cache.keys() ?? []) this.client.channels.cache.delete(id);
    this.client.guilds.cache.delete(guildId);
  }

  private async load(guildId: string): Promise<void> {
    const guild = await this.client.guilds.fetch({
      guild: guildId,
      force: true,
      withCounts: false,
    });
    await Promise.all([guild.channels.fetch(), guild.members.fetchMe()]);
  }
}
