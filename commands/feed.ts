/**
 * /feed status — per configured feed: last poll, result, next poll, failures, posts stored.
 * /feed notify — where feed failures and recoveries are announced. Both need Manage Server.
 */
import {
  ApplicationCommandOptionType as O,
  ChannelType,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { postableChannel } from '../src/discord/channelAccess.js';
import { emptySettings } from '../src/subscriptions/subscribe.js';
import type { CommandContext } from '../src/discord/commandModule.js';
import type { Lang } from '../src/i18n/i18n.js';
import { langOf, t } from '../src/i18n/i18n.js';
import { cut } from '../src/alerts/renderAlert.js';
import { feedResultLabel } from '../src/i18n/labels.js';
import type { CommandModule } from '../src/discord/commandModule.js';
import { ja } from '../src/discord/localized.js';
import { respond } from '../src/discord/respond.js';

const stamp = (iso: string | null, fallback: string) =>
  iso ? `<t:${Math.floor(new Date(iso).getTime() / 1000)}:R>` : fallback;

/** `/feed notify channel:` — the server's admin channel for feed trouble, in the admin's language. */
async function setNoticeChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const channel = postableChannel(interaction, 'channel');
  const guildId = interaction.guildId as string;
  const at = ctx.now().toISOString();
  await ctx.stores.guilds.update(guildId, (current) => ({
    ...(current ?? emptySettings(guildId, at)),
    feedNotices: { channelId: channel.id, locale: interaction.locale },
    updatedAt: at,
  }));
  return respond(interaction, {
    content: t(lang, 'feed.notify-set', {
      channel: `<#${channel.id}>`,
      failures: ctx.limits.feedNotices.afterFailures,
    }),
    ephemeral: true,
  });
}

const command: CommandModule = {
  data: {
    name: 'feed',
    name_localizations: ja('フィード'),
    description: 'The blog feeds jikenbo reads',
    description_localizations: ja('jikenbo が読むフィード'),
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [0],
    options: [
      {
        type: O.Subcommand,
        name: 'status',
        name_localizations: ja('状態'),
        description: 'Last poll, result and failures per feed',
        description_localizations: ja('フィードごとの最終取得・結果・失敗回数'),
      },
      {
        type: O.Subcommand,
        name: 'notify',
        name_localizations: ja('障害通知'),
        description: 'Announce feed failures and recoveries in a channel',
        description_localizations: ja('フィードの障害と回復をチャンネルで知らせる'),
        options: [
          {
            type: O.Channel,
            name: 'channel',
            name_localizations: ja('チャンネル'),
            description: 'Admin channel for feed notices',
            description_localizations: ja('障害通知を送る管理用チャンネル'),
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
            required: true,
          },
        ],
      },
    ],
  },
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
    if (interaction.options.getSubcommand() === 'notify')
      return setNoticeChannel(interaction, ctx, lang);
    if (ctx.feedUrls.length === 0)
      return respond(interaction, { content: t(lang, 'feed.none'), ephemeral: true });
    const perFeed = await ctx.stores.archive.postsPerFeed();
    const fields = await Promise.all(
      ctx.feedUrls.map(async (url) => {
        const state = await ctx.stores.feedState.get(url);
        const never = t(lang, 'feed.never');
        return {
          name: cut(url, 256),
          value: cut(
            t(lang, 'feed.line', {
              last: stamp(state?.lastPolledAt ?? null, never),
              result: state
                ? state.lastError
                  ? t(lang, 'feed.failed-because', {
                      result: feedResultLabel(state.lastResult, lang),
                      reason: state.lastError,
                    })
                  : feedResultLabel(state.lastResult, lang)
                : never,
              next: stamp(state?.nextAttemptAt ?? null, t(lang, 'feed.on-schedule')),
              failures: state?.consecutiveFailures ?? 0,
              posts: perFeed.get(url) ?? 0,
            }),
            1024,
          ),
        };
      }),
    );
    const status = ctx.pollStatus();
    const paused =
      status.state === 'paused'
        ? {
            description: t(lang, 'feed.paused-store-replaced', {
              created: stamp(status.foundCreatedAt, '?'),
            }),
          }
        : {};
    return respond(interaction, {
      embeds: [{ title: t(lang, 'feed.status-title'), ...paused, fields: fields.slice(0, 25) }],
      ephemeral: true,
    });
  },
};

export default command;
