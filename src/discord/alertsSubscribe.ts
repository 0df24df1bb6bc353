/** /alerts subscribe and unsubscribe: a channel's subscription, created, updated or removed. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { t, type Lang } from '../alerts/i18n.js';
import { describeFilter } from '../alerts/matchFilter.js';
import { InputError, parseCauses, parseKinds, parseWords } from '../alerts/parseOptions.js';
import { newSubscription, type GuildSettings, type Subscription } from '../alerts/subscription.js';
import { severitySchema } from '../classify/vocabulary.js';
import { postableChannel } from './channelAccess.js';
import type { CommandContext } from './commandModule.js';
import { respond } from './respond.js';

export async function settingsOf(ctx: CommandContext, guildId: string): Promise<GuildSettings> {
  return (
    (await ctx.stores.guilds.get(guildId)) ?? {
      guildId,
      subscriptions: [],
      updatedAt: ctx.now().toISOString(),
    }
  );
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
  const keywords = parseWords(o.getString('keywords'), 'keywords');
  const exclude = parseWords(o.getString('exclude'), 'exclude');
  const minSeverity = o.getString('min_severity');
  const mentionMin = o.getString('mention_min_severity');
  const role = o.getRole('mention_role');
  const guildId = interaction.guildId as string;
  const settings = await settingsOf(ctx, guildId);
  const now = ctx.now().toISOString();
  const existing = settings.subscriptions.find((s) => s.channelId === channel.id);
  const base: Subscription =
    existing ?? newSubscription(guildId, channel.id, now, { locale: interaction.locale });
  const subscription: Subscription = {
    ...base,
    minSeverity: minSeverity ? severitySchema.parse(minSeverity) : base.minSeverity,
    causes: causes ?? base.causes,
    kinds: kinds ?? base.kinds,
    keywords: keywords ?? base.keywords,
    exclude: exclude ?? base.exclude,
    mentionRoleId: role ? role.id : base.mentionRoleId,
    mentionMinSeverity: mentionMin ? severitySchema.parse(mentionMin) : base.mentionMinSeverity,
    locale: interaction.locale,
    updatedAt: now,
    health: { status: 'ok', reason: null, since: null },
  };
  await ctx.stores.guilds.set({
    ...settings,
    subscriptions: [
      ...settings.subscriptions.filter((s) => s.channelId !== channel.id),
      subscription,
    ],
    updatedAt: now,
  });
  await respond(interaction, {
    content: t(lang, existing ? 'alerts.updated' : 'alerts.subscribed', {
      channel: `<#${channel.id}>`,
      filter: describeFilter(subscription, lang),
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
  const { settings, subscription } = await findSubscription(interaction, ctx, true);
  await ctx.stores.guilds.set({
    ...settings,
    subscriptions: settings.subscriptions.filter((s) => s !== subscription),
    updatedAt: ctx.now().toISOString(),
  });
  return respond(interaction, {
    content: t(lang, 'alerts.unsubscribed', { channel: `<#${subscription.channelId}>` }),
    ephemeral: true,
  });
}
