/** The guild the demo and the end-to-end tests use: channels of several types, roles, members, overwrites. */
import { Permission } from './permissions.js';
import { ChannelType, type EmuGuild, type GuildSpec, type World } from './world.js';

export const DEMO_GUILD: GuildSpec = {
  name: 'jikenbo demo',
  preferredLocale: 'ja',
  roles: [
    {
      name: 'Admin',
      permissions: Permission.ManageGuild | Permission.ViewChannel | Permission.SendMessages,
    },
    { name: 'Security Team', mentionable: true },
  ],
  members: [
    { name: 'owner' },
    { name: 'admin', roles: ['Admin'] },
    { name: 'analyst', roles: ['Security Team'] },
  ],
  channels: [
    { name: 'incident-alerts' },
    { name: 'critical' },
    { name: 'general' },
    { name: 'soc' },
    { name: 'voice', type: ChannelType.GuildVoice },
    { name: 'Reports', type: ChannelType.GuildCategory },
    { name: 'announcements', type: ChannelType.GuildAnnouncement },
    { name: 'locked', overwrites: [{ target: 'jikenbo', deny: Permission.ViewChannel }] },
    { name: 'no-embeds', overwrites: [{ target: 'jikenbo', deny: Permission.EmbedLinks }] },
  ],
};

export interface DemoGuild {
  guild: EmuGuild;
  channel: (name: string) => string;
  user: (name: string) => string;
  role: (name: string) => string;
}

export function addDemoGuild(world: World, spec: GuildSpec = DEMO_GUILD): DemoGuild {
  const guild = world.addGuild(spec);
  return {
    guild,
    channel: (name) => world.findChannel(guild.id, name).id,
    user: (name) => world.findMember(guild.id, name).user.id,
    role: (name) => world.findRole(guild.id, name).id,
  };
}
