/** /alerts — subscribe a channel to alerts with a filter, list, preview, test, unsubscribe. Needs Manage Server. */
import {
  ApplicationCommandOptionType as O,
  ChannelType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { langOf, t, type Lang } from '../src/alerts/i18n.js';
import { describeFilter, explainVerdict, matchFilter } from '../src/alerts/matchFilter.js';
import { InputError, parseCauses, parseKinds, parseWords } from '../src/alerts/parseOptions.js';
import { renderAlert, cut } from '../src/alerts/renderAlert.js';
import {
  subscriptionSchema,
  type GuildSettings,
  type Subscription,
} from '../src/alerts/subscription.js';
import {
  CAUSES,
  CAUSE_NAMES,
  KINDS,
  KIND_NAMES,
  severitySchema,
  SEVERITY_NAMES,
} from '../src/classify/vocabulary.js';
import { PublishError } from '../src/alerts/publisher.js';
import type { CommandContext, CommandModule } from '../src/discord/commandModule.js';
import { postableChannel } from '../src/discord/channelAccess.js';
import { completeIdList, ja, SEVERITY_CHOICES } from '../src/discord/localized.js';
import { respond } from '../src/discord/respond.js';
import { isIncident } from '../src/alerts/lookups.js';
import type { StoredPost } from '../src/store/postStore.js';

const channelOption = (required: boolean, description: string, jaDescription: string) => ({
  type: O.Channel as const,
  name: 'channel',
  name_localizations: ja('チャンネル'),
  description,
  description_localizations: ja(jaDescription),
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] as Array<
    ChannelType.GuildText | ChannelType.GuildAnnouncement
  >,
  required,
});

const data: CommandModule['data'] = {
  name: 'alerts',
  name_localizations: ja('通知'),
  description: 'Incident alerts for this server',
  description_localizations: ja('このサーバーの事件通知'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [0],
  options: [
    {
      type: O.Subcommand,
      name: 'subscribe',
      name_localizations: ja('購読'),
      description: 'Send alerts to a channel, with a filter',
      description_localizations: ja('チャンネルに通知を送る(フィルター付き)'),
      options: [
        channelOption(true, 'Channel for the alerts', '通知を送るチャンネル'),
        {
          type: O.String,
          name: 'min_severity',
          name_localizations: ja('最低重大度'),
          description: 'Lowest severity to alert (default medium)',
          description_localizations: ja('通知する最低の重大度(既定: 中)'),
          choices: SEVERITY_CHOICES,
        },
        {
          type: O.String,
          name: 'causes',
          name_localizations: ja('原因'),
          description: 'Comma-separated cause ids (default: all)',
          description_localizations: ja('原因IDをカンマ区切りで(既定: すべて)'),
          autocomplete: true,
        },
        {
          type: O.String,
          name: 'kinds',
          name_localizations: ja('種別'),
          description: 'Comma-separated kinds (default incident,incident_update)',
          description_localizations: ja('種別をカンマ区切りで(既定: incident,incident_update)'),
          autocomplete: true,
        },
        {
          type: O.String,
          name: 'keywords',
          name_localizations: ja('キーワード'),
          description: 'Alert only posts with any of these words',
          description_localizations: ja('いずれかの語を含む投稿だけ通知'),
          max_length: 1000,
        },
        {
          type: O.String,
          name: 'exclude',
          name_localizations: ja('除外語'),
          description: 'Never alert posts with these words',
          description_localizations: ja('これらの語を含む投稿は通知しない'),
          max_length: 1000,
        },
        {
          type: O.Role,
          name: 'mention_role',
          name_localizations: ja('メンションロール'),
          description: 'Role to ping for serious alerts',
          description_localizations: ja('重大な通知でメンションするロール'),
        },
        {
          type: O.String,
          name: 'mention_min_severity',
          name_localizations: ja('メンション重大度'),
          description: 'Ping from this severity (default high)',
          description_localizations: ja('この重大度以上でメンション(既定: 高)'),
          choices: SEVERITY_CHOICES,
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'unsubscribe',
      name_localizations: ja('購読解除'),
      description: 'Stop alerts in a channel',
      description_localizations: ja('チャンネルへの通知を止める'),
      options: [channelOption(true, 'Channel to stop', '通知を止めるチャンネル')],
    },
    {
      type: O.Subcommand,
      name: 'list',
      name_localizations: ja('一覧'),
      description: 'Subscriptions of this server, their filters and health',
      description_localizations: ja('このサーバーの購読・フィルター・状態'),
    },
    {
      type: O.Subcommand,
      name: 'preview',
      name_localizations: ja('プレビュー'),
      description: 'Which recent incidents a subscription lets through, and why',
      description_localizations: ja('直近の事件が通知されるか、その理由'),
      options: [channelOption(false, 'Subscribed channel', '購読中のチャンネル')],
    },
    {
      type: O.Subcommand,
      name: 'test',
      name_localizations: ja('テスト'),
      description: 'Post a sample alert to check format and permissions',
      description_localizations: ja('サンプル通知を投稿して形式と権限を確認'),
      options: [channelOption(true, 'Channel for the sample', 'サンプルを投稿するチャンネル')],
    },
  ],
};

async function settingsOf(ctx: CommandContext, guildId: string): Promise<GuildSettings> {
  return (
    (await ctx.stores.guilds.get(guildId)) ?? {
      guildId,
      subscriptions: [],
      updatedAt: ctx.now().toISOString(),
    }
  );
}

async function subscribe(
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
    existing ??
    subscriptionSchema.parse({
      guildId,
      channelId: channel.id,
      locale: interaction.locale,
      createdAt: now,
      updatedAt: now,
    });
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

async function findSubscription(
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

async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const lang = langOf(interaction.locale);
  switch (interaction.options.getSubcommand()) {
    case 'subscribe':
      return subscribe(interaction, ctx, lang);
    case 'unsubscribe': {
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
    case 'list': {
      const settings = await settingsOf(ctx, interaction.guildId as string);
      if (settings.subscriptions.length === 0)
        return respond(interaction, { content: t(lang, 'alerts.none'), ephemeral: true });
      const lines = settings.subscriptions.map((s) => {
        const health =
          s.health.status === 'ok'
            ? t(lang, 'alerts.health-ok')
            : t(lang, 'alerts.health-broken', {
                since: s.health.since ?? '?',
                reason: s.health.reason ?? '?',
              });
        return `<#${s.channelId}> — ${describeFilter(s, lang)} — **${health}**`;
      });
      return respond(interaction, {
        embeds: [{ title: t(lang, 'alerts.list-title'), description: cut(lines.join('\n'), 4096) }],
        ephemeral: true,
      });
    }
    case 'preview': {
      const { subscription } = await findSubscription(interaction, ctx, false);
      const recent = (await ctx.stores.posts.all())
        .filter((r) => r.classification.kind !== 'off_topic')
        .slice(0, 20);
      const lines = recent.map((r) => {
        const verdict = matchFilter(subscription, r);
        const id = r.classification.incidentId ? `#${r.classification.incidentId} ` : '';
        return `${verdict.pass ? '✅' : '⛔'} [${SEVERITY_NAMES[r.classification.severity][lang]}] ${id}${cut(r.classification.organization ?? r.post.title, 40)} — ${explainVerdict(verdict, lang)}`;
      });
      const passed = recent.filter((r) => matchFilter(subscription, r).pass).length;
      const title = cut(
        t(lang, 'alerts.preview-title', {
          channel: `#${interaction.guild?.channels.cache.get(subscription.channelId)?.name ?? subscription.channelId}`,
          passed,
          total: recent.length,
        }),
        256,
      );
      return respond(interaction, {
        embeds: [{ title, description: cut(lines.join('\n') || '—', 4096) }],
        ephemeral: true,
      });
    }
    case 'test': {
      const channel = postableChannel(interaction, 'channel');
      const settings = await settingsOf(ctx, interaction.guildId as string);
      const now = ctx.now().toISOString();
      const subscription =
        settings.subscriptions.find((s) => s.channelId === channel.id) ??
        subscriptionSchema.parse({
          guildId: interaction.guildId,
          channelId: channel.id,
          locale: interaction.locale,
          createdAt: now,
          updatedAt: now,
        });
      const sample = (await ctx.stores.posts.all()).find(isIncident) ?? SAMPLE;
      const message = renderAlert(sample, { ...subscription, mentionRoleId: null });
      try {
        await ctx.publisher.publish(
          channel.id,
          { ...message, content: t(langOf(subscription.locale), 'alert.sample') },
          `test-${Date.now()}`,
        );
        return respond(interaction, {
          content: t(lang, 'alerts.test-sent', { channel: `<#${channel.id}>` }),
          ephemeral: true,
        });
      } catch (err) {
        const reason = err instanceof PublishError ? err.message : (err as Error).message;
        return respond(interaction, {
          content: t(lang, 'alerts.test-failed', { channel: `<#${channel.id}>`, reason }),
          ephemeral: true,
        });
      }
    }
  }
}

const SAMPLE = {
  post: {
    id: 'sample',
    feedUrl: '',
    link: 'https://blog.b-son.net/',
    title:
      '【セキュリティ事件簿#2024-000】株式会社サンプル 不正アクセスによる個人情報漏えいに関するお詫び',
    publishedAt: null,
    updatedAt: null,
    categories: [],
    html: '',
    text: '',
  },
  classification: {
    kind: 'incident',
    cause: 'unauthorized_access',
    secondaryCauses: [],
    severity: 'high',
    incidentId: '2024-000',
    organization: '株式会社サンプル',
    affected: 12345,
    dataTypes: ['name', 'email'],
    disclosedOn: '2024-01-01',
    disruption: false,
    reasons: [],
  },
  storedAt: new Date(0).toISOString(),
} as const satisfies StoredPost;

const command: CommandModule = {
  data,
  execute,
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    const lang = langOf(interaction.locale);
    const choices =
      focused.name === 'causes'
        ? completeIdList(
            focused.value,
            CAUSES,
            (c) => CAUSE_NAMES[c as (typeof CAUSES)[number]][lang],
          )
        : focused.name === 'kinds'
          ? completeIdList(
              focused.value,
              KINDS,
              (k) => KIND_NAMES[k as (typeof KINDS)[number]][lang],
            )
          : [];
    await interaction.respond(choices);
  },
};

export default command;
