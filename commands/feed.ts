/** /feed status — per configured feed: last poll, result, next poll, failures, posts stored. Needs Manage Server. */
import { ApplicationCommandOptionType as O, PermissionFlagsBits } from 'discord.js';
import { langOf, t } from '../src/i18n/i18n.js';
import { cut } from '../src/alerts/renderAlert.js';
import type { CommandModule } from '../src/discord/commandModule.js';
import { ja } from '../src/discord/localized.js';
import { respond } from '../src/discord/respond.js';

const stamp = (iso: string | null, fallback: string) =>
  iso ? `<t:${Math.floor(new Date(iso).getTime() / 1000)}:R>` : fallback;

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
    ],
  },
  async execute(interaction, ctx) {
    const lang = langOf(interaction.locale);
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
                ? `${state.lastResult}${state.lastError ? `: ${state.lastError}` : ''}`
                : never,
              next: stamp(
                state?.nextAttemptAt ?? null,
                lang === 'ja' ? '次の定期実行' : 'next scheduled tick',
              ),
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
