/** Building interactions as Discord sends them, and tracking the bot's answers to them. */
import { Permission } from './permissions.js';
import { nextSnowflake } from './snowflake.js';
import type { EmuGuild, StoredMessage, World } from './world.js';

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
} as const;
export const OptionType = {
  SubCommand: 1,
  SubCommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Number: 10,
} as const;

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: CommandOption[];
  focused?: boolean;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  /** Every callback the bot sent (type 4 reply, 5 defer, 6/7 component, 8 choices). */
  callbacks: Array<{ type: number; data: Record<string, unknown> | null }>;
  original: StoredMessage | null;
  followups: StoredMessage[];
}

export interface InteractionTarget {
  guildId: string;
  channelId: string;
  userId: string;
  locale?: string;
  /**
   * Send a forged payload, as a hostile client could: channel options of
   * another guild are resolved instead of refused, so tests can check that
   * the bot itself refuses them.
   */
  forgeForeignChannels?: boolean;
}

/** The INTERACTION_CREATE payload for a user in a guild channel, with real permissions. */
export function buildInteraction(
  world: World,
  target: InteractionTarget,
  type: number,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): InteractionRecord {
  const found = world.channel(target.channelId);
  if (!found) throw new Error(`unknown channel ${target.channelId}`);
  const guild: EmuGuild = found.guild;
  const member = guild.members.find((m) => m.user.id === target.userId);
  if (!member) throw new Error(`user ${target.userId} is not in guild ${guild.id}`);
  const id = nextSnowflake();
  const token = `${Buffer.from(id).toString('base64url')}.${nextSnowflake()}`;
  const payload = {
    id,
    application_id: world.applicationId,
    type,
    data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferred_locale, features: [] },
    channel_id: found.channel.id,
    channel: found.channel,
    member: {
      ...member,
      permissions: String(world.permissionsIn(found.channel.id, member.user.id)),
    },
    token,
    version: 1,
    locale: target.locale ?? 'en-US',
    guild_locale: guild.preferred_locale,
    app_permissions: String(
      world.permissionsIn(found.channel.id, world.botUser.id) | Permission.SendMessages,
    ),
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    ...extra,
  };
  return { id, token, type, payload, callbacks: [], original: null, followups: [] };
}

/** Resolved channels and roles for the options that reference them, as Discord adds them. */
export function resolvedFor(
  world: World,
  guildId: string,
  options: CommandOption[],
  forgeForeignChannels = false,
): Record<string, unknown> | undefined {
  const channels: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const visit = (list: CommandOption[]) => {
    for (const o of list) {
      if (o.type === OptionType.Channel) {
        const found = world.channel(String(o.value));
        // Discord only offers (and accepts) channels of the interaction's own guild.
        if (found && found.guild.id !== guildId && !forgeForeignChannels)
          throw new Error(`channel ${String(o.value)} is not in guild ${guildId}`);
        const channel = found?.channel;
        if (channel)
          channels[channel.id] = {
            id: channel.id,
            name: channel.name,
            type: channel.type,
            permissions: String(world.permissionsIn(channel.id, world.botUser.id)),
          };
      }
      if (o.type === OptionType.Role) {
        const role = world.guilds.get(guildId)?.roles.find((r) => r.id === String(o.value));
        if (role) roles[role.id] = role;
      }
      if (o.options) visit(o.options);
    }
  };
  visit(options);
  const resolved: Record<string, unknown> = {};
  if (Object.keys(channels).length > 0) resolved.channels = channels;
  if (Object.keys(roles).length > 0) resolved.roles = roles;
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}

/** A chat-input command from a direct message: no guild, no member, just the user. */
export function buildDmInteraction(
  world: World,
  userId: string,
  data: Record<string, unknown>,
  locale: string,
): InteractionRecord {
  const user = world.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  const id = nextSnowflake();
  const token = `${Buffer.from(id).toString('base64url')}.${nextSnowflake()}`;
  const channel = { id: nextSnowflake(), type: 1, recipients: [user] };
  const payload = {
    id,
    application_id: world.applicationId,
    type: InteractionType.ApplicationCommand,
    data,
    channel_id: channel.id,
    channel,
    user,
    token,
    version: 1,
    locale,
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '1': user.id },
    context: 1,
  };
  return {
    id,
    token,
    type: InteractionType.ApplicationCommand,
    payload,
    callbacks: [],
    original: null,
    followups: [],
  };
}

export interface Reply {
  /** The interaction callback type (4 reply, 5 deferred then edited, 8 autocomplete choices…). */
  type: number;
  /** The message as the user sees it (for a deferred reply, the edited original). */
  message: Record<string, unknown> | null;
  ephemeral: boolean;
  choices: Array<{ name: string; value: unknown }>;
}

/** The interaction's final answer, or undefined while it has none (a deferred reply waits for its edit). */
export function replyOf(record: InteractionRecord): Reply | undefined {
  const first = record.callbacks[0];
  if (!first) return undefined;
  if (first.type === 5 && !record.original) return undefined;
  const message = (first.type === 5 ? record.original : (first.data ?? record.original)) as Record<
    string,
    unknown
  > | null;
  const flags = Number(
    (first.data as Record<string, unknown> | null)?.flags ?? message?.flags ?? 0,
  );
  const choices = first.type === 8 ? ((first.data?.choices as Reply['choices']) ?? []) : [];
  return { type: first.type, message, ephemeral: (flags & 64) === 64, choices };
}
