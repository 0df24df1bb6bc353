/** /alerts list, preview and test: what a server's subscriptions are, would let through, and look like. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { langOf, t, type Lang } from '../i18n/i18n.js';
import { explainVerdict, matchFilter, type FilterVerdict } from '../subscriptions/matchFilter.js';
import { PublishError } from '../alerts/publisher.js';
import { cut, renderAlert } from '../alerts/renderAlert.js';
import { newSubscription } from '../store/guildSettings.js';
import { SEVERITY_NAMES } from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import { findSubscription, settingsOf } from './alertsSubscribe.js';
import { postableChannel } from './channelAccess.js';
import type { CommandContext } from './commandModule.js';
import { describeSchedule } from '../subscriptions/describeSchedule.js';
import { describePublish } from '../subscriptions/describePublish.js';
import { describeFilterShort } from './fitReply.js';
import { respond } from './respond.js';

export async function listSubscriptions(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const settings = await settingsOf(ctx, interaction.guildId as string);
  if (settings.subscriptions.length === 0)
    return respond(interaction, { content: t(lang, 'alerts.none'), ephemeral: true });
  const held = new Map<string, number>();
  for (const d of await ctx.stores.outbox.pending())
    if (d.guildId === settings.guildId && d.holdUntil != null)
      held.set(d.channelId, (held.get(d.channelId) ?? 0) + 1);
  const lines = settings.subscriptions.map((s) => {
    const health =
      s.health.status === 'ok'
        ? t(lang, 'alerts.health-ok')
        : t(lang, 'alerts.health-broken', {
            since: s.health.since ?? '?',
            reason: s.health.reason ?? '?',
          });
    const schedule = describeSchedule(s, lang, held.get(s.channelId) ?? 0);
    const publish = describePublish(s, lang);
    return `<#${s.channelId}> — ${describeFilterShort(s, lang)} — ${schedule}${publish ? ` — ${publish}` : ''} — **${health}**`;
  });
  return respond(interaction, {
    embeds: [{ title: t(lang, 'alerts.list-title'), description: cut(lines.join('\n'), 4096) }],
    ephemeral: true,
  });
}

export async function previewSubscription(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const { subscription } = await findSubscription(interaction, ctx, false);
  const recent = (await ctx.stores.archive.recent(60))
    .filter((r) => r.classification.kind !== 'off_topic')
    .slice(0, 20);
  const verdicts = recent.map((r) => matchFilter(subscription, r));
  const lines = recent.map((r, i) => {
    const verdict = verdicts[i] as FilterVerdict;
    const id = r.classification.incidentId ? `#${r.classification.incidentId} ` : '';
    return `${verdict.pass ? '✅' : '⛔'} [${SEVERITY_NAMES[r.classification.severity][lang]}] ${id}${cut(r.classification.organization ?? r.post.title, 40)} — ${explainVerdict(verdict, lang)}`;
  });
  const passed = verdicts.filter((v) => v.pass).length;
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

export async function postSampleAlert(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  const channel = postableChannel(interaction, 'channel');
  const settings = await settingsOf(ctx, interaction.guildId as string);
  const now = ctx.now().toISOString();
  const subscription =
    settings.subscriptions.find((s) => s.channelId === channel.id) ??
    newSubscription(interaction.guildId as string, channel.id, now, {
      locale: interaction.locale,
    });
  const sample = (await ctx.stores.archive.latest({ count: 1 }))[0] ?? SAMPLE;
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
