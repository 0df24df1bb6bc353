/** /watch add, remove, list and test: a server's watchlist of organisations and words. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { t, type Lang } from '../i18n/i18n.js';
import { cut, escapeMarkdown } from '../alerts/renderAlert.js';
import { SEVERITY_NAMES } from '../classify/vocabulary.js';
import { watchChannelOf } from '../subscriptions/matchWatches.js';
import { addWatch, removeWatch, watchesOf, WATCH_LIMIT } from '../subscriptions/watchlist.js';
import { previewWatch } from '../subscriptions/watchPreview.js';
import { settingsOf } from './alertsSubscribe.js';
import { postableChannel } from './channelAccess.js';
import type { CommandContext } from './commandModule.js';
import { respond } from './respond.js';

export async function addToWatchlist(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const name = interaction.options.getString('name', true);
  const channel = interaction.options.getChannel('channel')
    ? postableChannel(interaction, 'channel')
    : null;
  const role = interaction.options.getRole('mention_role');
  const guildId = interaction.guildId as string;
  const at = ctx.now().toISOString();
  const settings = await ctx.stores.guilds.update(guildId, (current) =>
    addWatch(
      current,
      guildId,
      name,
      { channelId: channel?.id ?? null, mentionRoleId: role?.id ?? null },
      at,
    ),
  );
  const watch = watchesOf(settings).find((w) => w.name === name.trim());
  const target = watch && settings ? watchChannelOf(watch, settings) : null;
  await respond(interaction, {
    content: t(lang, 'watch.added', {
      name: escapeMarkdown(name.trim()),
      channel: target ? `<#${target}>` : t(lang, 'watch.no-channel'),
      role: role ? `<@&${role.id}>` : t(lang, 'watch.no-role'),
      count: watchesOf(settings).length,
      max: WATCH_LIMIT,
    }),
    ephemeral: true,
  });
}

export async function removeFromWatchlist(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const name = interaction.options.getString('name', true);
  const guildId = interaction.guildId as string;
  const at = ctx.now().toISOString();
  await ctx.stores.guilds.update(guildId, (current) => removeWatch(current, name, at));
  await respond(interaction, {
    content: t(lang, 'watch.removed', { name: escapeMarkdown(name.trim()) }),
    ephemeral: true,
  });
}

export async function listWatchlist(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const settings = await settingsOf(ctx, interaction.guildId as string);
  const watches = watchesOf(settings);
  if (watches.length === 0)
    return respond(interaction, { content: t(lang, 'watch.none'), ephemeral: true });
  const lines = watches.map((w) => {
    const channel = watchChannelOf(w, settings);
    return `• **${escapeMarkdown(w.name)}** → ${channel ? `<#${channel}>` : t(lang, 'watch.no-channel')}${w.mentionRoleId ? ` <@&${w.mentionRoleId}>` : ''}`;
  });
  await respond(interaction, {
    embeds: [
      {
        title: t(lang, 'watch.list-title', { count: watches.length, max: WATCH_LIMIT }),
        description: cut(lines.join('\n'), 4096),
      },
    ],
    ephemeral: true,
  });
}

export async function testWatch(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const name = interaction.options.getString('name', true);
  const preview = previewWatch(name, await ctx.stores.posts.all(), ctx.now().toISOString());
  const lines = preview.caught.slice(0, 20).map(({ record, fields }) => {
    const c = record.classification;
    const where = fields.map((f) => t(lang, `story.watch-field.${f}`)).join(', ');
    return `🔎 [${SEVERITY_NAMES[c.severity][lang]}] ${cut(escapeMarkdown(c.organization ?? record.post.title), 40)} — ${t(lang, 'watch.found-in', { where })}`;
  });
  await respond(interaction, {
    embeds: [
      {
        title: cut(
          t(lang, 'watch.test-title', {
            name: name.trim(),
            caught: preview.caught.length,
            scanned: preview.scanned,
          }),
          256,
        ),
        description: cut(lines.join('\n') || t(lang, 'watch.test-none'), 4096),
      },
    ],
    ephemeral: true,
  });
}
