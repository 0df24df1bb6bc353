/** The emulator's state: users, guilds with channels, roles and members, messages and commands. */
import { ALL_PERMISSIONS, channelPermissions, Permission, type Overwrite } from './permissions.js';
import { nextSnowflake } from './snowflake.js';

export const ChannelType = {
  GuildText: 0,
  GuildVoice: 2,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
  GuildForum: 15,
} as const;

export interface EmuUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface EmuRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
}

export interface EmuChannel {
  id: string;
  type: number;
  name: string;
  guild_id: string;
  position: number;
  parent_id: string | null;
  permission_overwrites: Overwrite[];
  nsfw: boolean;
  topic: string | null;
  /** Forum channels: the tags posts may carry (at most 20). */
  available_tags?: ForumTag[];
  /** Threads only (types 10–12): see threads.ts. */
  thread_metadata?: ThreadMetadata;
  owner_id?: string;
  message_count?: number;
  member_count?: number;
  total_message_sent?: number;
  last_message_id?: string | null;
  rate_limit_per_user?: number;
  flags?: number;
  /** Forum posts: ids of the forum's tags they carry (at most 5). */
  applied_tags?: string[];
}

/** A forum channel's tag, as Discord sends it. */
export interface ForumTag {
  id: string;
  name: string;
  moderated: boolean;
  emoji_id: string | null;
  emoji_name: string | null;
}

/** A thread's archive state, as Discord sends it. */
export interface ThreadMetadata {
  archived: boolean;
  auto_archive_duration: number;
  archive_timestamp: string;
  locked: boolean;
  create_timestamp: string;
}

export interface EmuMember {
  user: EmuUser;
  roles: string[];
  joined_at: string;
  nick: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
}

export interface EmuGuild {
  id: string;
  name: string;
  owner_id: string;
  preferred_locale: string;
  roles: EmuRole[];
  channels: EmuChannel[];
  members: EmuMember[];
  /** Threads and forum posts (channels of types 10–12), active or archived. */
  threads: EmuChannel[];
}

export type StoredMessage = Record<string, unknown> & { id: string; channel_id: string };

export interface GuildSpec {
  name: string;
  preferredLocale?: string;
  channels: Array<{
    name: string;
    type?: number;
    overwrites?: Array<{ target: string; allow?: bigint; deny?: bigint }>;
    /** Forum channels: the names of the tags it has already. */
    tags?: string[];
  }>;
  roles?: Array<{ name: string; permissions?: bigint; mentionable?: boolean }>;
  /** Members besides the bot: name and role names. The first member owns the guild. */
  members: Array<{ name: string; roles?: string[] }>;
  /** The bot's roles; default: none (it lives on @everyone's permissions). */
  botRoles?: string[];
}

const EVERYONE_DEFAULT =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.ReadMessageHistory |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.CreatePrivateThreads |
  Permission.SendMessagesInThreads;

export function makeUser(username: string, bot = false): EmuUser {
  return {
    id: nextSnowflake(),
    username,
    global_name: username,
    discriminator: '0',
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export class World {
  readonly users = new Map<string, EmuUser>();
  readonly guilds = new Map<string, EmuGuild>();
  readonly messages = new Map<string, StoredMessage[]>();
  readonly globalCommands: Record<string, unknown>[] = [];
  readonly guildCommands = new Map<string, Record<string, unknown>[]>();
  /**
   * Whether a repeated nonce is dropped, as Discord does. Off, every send is stored: tests that
   * count exactly-once delivery across processes turn it off so a duplicate cannot hide.
   */
  nonceCheck = true;

  constructor(
    readonly botUser: EmuUser,
    readonly applicationId: string,
  ) {
    this.users.set(botUser.id, botUser);
  }

  /** Adds a guild from a short description; names resolve to ids. */
  addGuild(spec: GuildSpec): EmuGuild {
    const id = nextSnowflake();
    const roles: EmuRole[] = [role(id, '@everyone', EVERYONE_DEFAULT, 0)];
    (spec.roles ?? []).forEach((r, i) =>
      roles.push(role(nextSnowflake(), r.name, r.permissions ?? 0n, i + 1, r.mentionable)),
    );
    const roleId = (name: string) => {
      const found = roles.find((r) => r.name === name);
      if (!found) throw new Error(`unknown role ${name}`);
      return found.id;
    };
    const members: EmuMember[] = spec.members.map((m) =>
      member(this.addUser(makeUser(m.name)), (m.roles ?? []).map(roleId)),
    );
    members.push(member(this.botUser, (spec.botRoles ?? []).map(roleId)));
    const memberId = (name: string) => members.find((m) => m.user.username === name)?.user.id;
    const channels: EmuChannel[] = spec.channels.map((c, position) => ({
      id: nextSnowflake(),
      type: c.type ?? ChannelType.GuildText,
      name: c.name,
      guild_id: id,
      position,
      parent_id: null,
      nsfw: false,
      topic: null,
      ...(c.tags ? { available_tags: c.tags.map(forumTag) } : {}),
      permission_overwrites: (c.overwrites ?? []).map((o) => {
        const isEveryone = o.target === '@everyone';
        const asRole = isEveryone ? id : roles.find((r) => r.name === o.target)?.id;
        const asMember = memberId(o.target);
        const target = asRole ?? asMember;
        if (!target) throw new Error(`unknown overwrite target ${o.target}`);
        return {
          id: target,
          type: asRole ? 0 : 1,
          allow: String(o.allow ?? 0n),
          deny: String(o.deny ?? 0n),
        } as Overwrite;
      }),
    }));
    const guild: EmuGuild = {
      id,
      name: spec.name,
      owner_id: members[0]?.user.id ?? this.botUser.id,
      preferred_locale: spec.preferredLocale ?? 'en-US',
      roles,
      channels,
      members,
      threads: [],
    };
    this.guilds.set(id, guild);
    return guild;
  }

  addUser(user: EmuUser): EmuUser {
    this.users.set(user.id, user);
    return user;
  }

  channel(channelId: string): { guild: EmuGuild; channel: EmuChannel } | null {
    for (const guild of this.guilds.values()) {
      const channel =
        guild.channels.find((c) => c.id === channelId) ??
        guild.threads.find((c) => c.id === channelId);
      if (channel) return { guild, channel };
    }
    return null;
  }

  /** A user's permissions in a channel, as Discord computes them. */
  permissionsIn(channelId: string, userId: string): bigint {
    const found = this.channel(channelId);
    if (!found) return 0n;
    const m = found.guild.members.find((x) => x.user.id === userId);
    if (!m) return 0n;
    // A thread has no overwrites of its own: its parent channel's apply.
    const parent = found.channel.thread_metadata
      ? found.guild.channels.find((c) => c.id === found.channel.parent_id)
      : undefined;
    return channelPermissions({
      guildId: found.guild.id,
      ownerId: found.guild.owner_id,
      userId,
      memberRoleIds: m.roles,
      roles: new Map(found.guild.roles.map((r) => [r.id, BigInt(r.permissions)])),
      overwrites: (parent ?? found.channel).permission_overwrites,
    });
  }

  findChannel(guildId: string, name: string): EmuChannel {
    const channel = this.guilds.get(guildId)?.channels.find((c) => c.name === name);
    if (!channel) throw new Error(`no channel ${name}`);
    return channel;
  }

  findMember(guildId: string, name: string): EmuMember {
    const m = this.guilds.get(guildId)?.members.find((x) => x.user.username === name);
    if (!m) throw new Error(`no member ${name}`);
    return m;
  }

  findRole(guildId: string, name: string): EmuRole {
    const r = this.guilds.get(guildId)?.roles.find((x) => x.name === name);
    if (!r) throw new Error(`no role ${name}`);
    return r;
  }

  messagesIn(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }
}

/** A new forum tag named `name`. */
export function forumTag(name: string): ForumTag {
  return { id: nextSnowflake(), name, moderated: false, emoji_id: null, emoji_name: null };
}

function role(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  mentionable = false,
): EmuRole {
  return {
    id,
    name,
    permissions: String(permissions & ALL_PERMISSIONS),
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable,
    flags: 0,
  };
}

function member(user: EmuUser, roles: string[]): EmuMember {
  return {
    user,
    roles,
    joined_at: new Date().toISOString(),
    nick: null,
    deaf: false,
    mute: false,
    flags: 0,
  };
}

/** A guild as sent in GUILD_CREATE. */
export function guildPayload(guild: EmuGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.owner_id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles,
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: guild.preferred_locale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members,
    channels: guild.channels,
    threads: guild.threads.filter((t) => !t.thread_metadata?.archived),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    stickers: [],
  };
}
