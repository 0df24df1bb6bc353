/**
 * Whether the bot can post alerts in a channel: a text, announcement or forum channel where it may
 * view, send and embed (in a forum also send in its posts).
 */
import {
  ChannelType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type GuildBasedChannel,
} from 'discord.js';
import { InputError } from '../i18n/userError.js';

const NEEDED: Array<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

const IN_POSTS: Array<[bigint, string]> = [
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
];

/** The channel given in `option`, checked; throws InputError with what is wrong and what would work. */
export function postableChannel(
  interaction: ChatInputCommandInteraction,
  option: string,
): GuildBasedChannel {
  const given = interaction.options.getChannel(option, true);
  // A forged payload can resolve another server's channel: trust the gateway's cache, which
  // knows each channel's real server, before the payload's own claim.
  const known = interaction.client.channels.cache.get(given.id);
  const owner =
    known && 'guildId' in known ? known.guildId : (given as { guildId?: string | null }).guildId;
  if (owner !== interaction.guildId)
    throw new InputError('error.channel-other-server', { channel: `<#${given.id}>` });
  const channel = interaction.guild?.channels.cache.get(given.id);
  if (
    !channel ||
    (channel.type !== ChannelType.GuildText &&
      channel.type !== ChannelType.GuildAnnouncement &&
      channel.type !== ChannelType.GuildForum)
  ) {
    throw new InputError('error.channel-type', { channel: `<#${given.id}>` });
  }
  const me = interaction.guild?.members.me;
  const permissions = me ? channel.permissionsFor(me) : null;
  // A forum's updates are messages in its posts.
  const needed = channel.type === ChannelType.GuildForum ? [...NEEDED, ...IN_POSTS] : NEEDED;
  const missing = needed.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
  if (missing.length > 0)
    throw new InputError('error.channel-permissions', {
      channel: `<#${channel.id}>`,
      missing: missing.join(', '),
    });
  return channel;
}
