/** Discord permission bits and the channel permission calculation (roles, then overwrites). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const ALL_PERMISSIONS = (1n << 53n) - 1n;

export interface Overwrite {
  id: string;
  /** 0 role, 1 member. */
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface PermissionSubject {
  guildId: string;
  ownerId: string;
  userId: string;
  memberRoleIds: readonly string[];
  roles: ReadonlyMap<string, bigint>;
  overwrites: readonly Overwrite[];
}

/** Guild-level permissions of a member: @everyone plus every role of theirs. */
export function basePermissions(s: Omit<PermissionSubject, 'overwrites'>): bigint {
  if (s.userId === s.ownerId) return ALL_PERMISSIONS;
  let permissions = s.roles.get(s.guildId) ?? 0n;
  for (const roleId of s.memberRoleIds) permissions |= s.roles.get(roleId) ?? 0n;
  return permissions & Permission.Administrator ? ALL_PERMISSIONS : permissions;
}

/** Permissions in a channel, applying overwrites in Discord's order: @everyone, roles, member. */
export function channelPermissions(s: PermissionSubject): bigint {
  let permissions = basePermissions(s);
  if (permissions === ALL_PERMISSIONS) return permissions;
  const apply = (o: Overwrite | undefined) => {
    if (!o) return;
    permissions &= ~BigInt(o.deny);
    permissions |= BigInt(o.allow);
  };
  apply(s.overwrites.find((o) => o.type === 0 && o.id === s.guildId));
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of s.overwrites) {
    if (o.type === 0 && s.memberRoleIds.includes(o.id)) {
      roleAllow |= BigInt(o.allow);
      roleDeny |= BigInt(o.deny);
    }
  }
  permissions = (permissions & ~roleDeny) | roleAllow;
  apply(s.overwrites.find((o) => o.type === 1 && o.id === s.userId));
  return permissions;
}
