/** /alerts subscribe and unsubscribe: a channel's subscription, created, updated or removed. */
import { ChannelType, type ChatInputCommandInteraction } from 'discord.js';
import { t, type Lang } from '../i18n/i18n.js';
import {
  InputError,
  parseCauses,
  parseKinds,
  parseQuietHours,
  parseTime,
  parseTimeZone,
  parseWords,
} from '../subscriptions/parseOptions.js';
import { describeSchedule } from '../subscriptions/describeSchedule.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';
import {
  emptySettings,
  subscribe,
  unsubscribe,
  type SubscribeRequest,
  type SubscribeResult,
} from '../subscriptions/subscribe.js';
import { severitySchema } from '../classify/vocabulary.js';
import { postableChannel } from './channelAccess.js';
import type { CommandContext } from './commandModule.js';
import { describeFilterShort } from './fitReply.js';
import { respond } from './respond.js';

export async function settingsOf(ctx: CommandContext, guildId: string): Promise<GuildSettings> {
  return (await ctx.stores.guilds.get(guildId)) ?? emptySettings(guildId, ctx.now().toISOString());
}

export async function subscribeChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const channel = postableChannel(interaction, 'channel');
  const o = interaction.options;
  const causes = parseCauses(o.getString('causes'));
  const kinds = parseKinds(o.getString('kinds'));
  const keywords = parseWords(o.getString('keywords'), 'keywords', ctx.limits.wordLists);
  const exclude = parseWords(o.getString('exclude'), 'exclude', ctx.limits.wordLists);
  const minSeverity = o.getString('min_severity');
  const mentionMin = o.getString('mention_min_severity');
  const role = o.getRole('mention_role');
  const delivery = o.getString('delivery');
  const digestTime = parseTime(o.getString('digest_time'));
  const timeZone = parseTimeZone(o.getString('timezone'));
  const quietHours = parseQuietHours(o.getString('quiet_hours'));
  const quietBelow = o.getString('quiet_below');
  const threads = o.getString('threads');
  const guildId = interaction.guildId as string;
  const request: SubscribeRequest = {
    channelId: channel.id,
    locale: interaction.locale,
    ...(minSeverity && { minSeverity: severitySchema.parse(minSeverity) }),
    ...(causes && { causes }),
    ...(kinds && { kinds }),
    ...(keywords && { keywords }),
    ...(exclude && { exclude }),
    ...(role && { mentionRoleId: role.id }),
    ...(mentionMin && { mentionMinSeverity: severitySchema.parse(mentionMin) }),
    ...(delivery && { delivery: delivery === 'digest' ? 'digest' : 'instant' }),
    ...(digestTime && { digestTime }),
    ...(timeZone && { timeZone }),
    ...(quietHours !== undefined && { quietHours }),
    ...(quietBelow && { quietMinSeverity: severitySchema.parse(quietBelow) }),
    ...(threads && { threads: threads === 'on' }),
    forum: channel.type === ChannelType.GuildForum,
  };
  const now = ctx.now().toISOString();
  let result: SubscribeResult | undefined;
  await ctx.stores.guilds.update(guildId, (current) => {
    result = subscribe(current, guildId, request, now);
    return result.settings;
  });
  const { subscription, existed } = result as SubscribeResult;
  await respond(interaction, {
    content: t(lang, existed ? 'alerts.updated' : 'alerts.subscribed', {
      channel: `<#${channel.id}>`,
      filter: `${describeFilterShort(subscription, lang)} · ${describeSchedule(subscription, lang)}`,
    }),
    ephemeral: true,
  });
}

export async function findSubscription(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  required: boolean,
): Promise<{ settings: GuildSettings; subscription: Subscription }> {
  const settings = await settingsOf(ctx, interaction.guildId as string);
  const channelId = interaction.options.getChannel('channel', required)?.id;
  const subscription = channelId
    ? settings.subscriptions.find((s) => s.channelId === channelId)
    : settings.subscriptions[0];
  if (!subscription) {
    if (!channelId) throw new InputError('alerts.none');
    throw new InputError('error.no-subscription', { channel: `<#${channelId}>` });
  }
  return { settings, subscription };
}

export async function unsubscribeChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const { subscription } = await findSubscription(interaction, ctx, true);
  const at = ctx.now().toISOString();
  await ctx.stores.guilds.update(subscription.guildId, (settings) =>
    settings ? unsubscribe(settings, subscription.channelId, at) : null,
  );
  return respond(interaction, {
    content: t(lang, 'alerts.unsubscribed', { channel: `<#${subscription.channelId}>` }),
    ephemeral: true,
  });
}
