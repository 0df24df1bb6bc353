/**
 * The alert as Discord message JSON (no discord.js here): one embed per post,
 * coloured by severity, every Discord limit respected by cutting cleanly, and
 * mentions limited to the subscription's role at its threshold.
 */
import type { Severity } from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import { formatPeople, langOf, t, type Lang } from '../i18n/i18n.js';
import { causeLabel, dataTypeLabel, kindLabel, listLabels, severityLabel } from '../i18n/labels.js';
import { explainLabels } from './explainReasons.js';
import { mentionsRole } from '../subscriptions/matchFilter.js';
import type { Subscription } from '../store/guildSettings.js';

export const SEVERITY_COLOURS: Record<Severity, number> = {
  critical: 0xb71c1c,
  high: 0xef6c00,
  medium: 0xf9a825,
  low: 0x1976d2,
  info: 0x757575,
};

export const EMBED_LIMITS = {
  title: 256,
  fieldValue: 1024,
  footer: 2048,
  description: 4096,
  total: 6000,
};

export interface EmbedJson {
  title: string;
  url?: string;
  color: number;
  author?: { name: string };
  description?: string;
  fields: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
  timestamp?: string;
}

/** A row of buttons (Discord component JSON). */
export interface ButtonRowJson {
  type: 1;
  components: Array<{ type: 2; style: 2; label: string; custom_id: string }>;
}

export interface AlertMessage {
  content?: string;
  embeds: EmbedJson[];
  components?: ButtonRowJson[];
  allowed_mentions: { parse: never[]; roles: string[] };
}

/** Cuts `text` to `max` characters (code points), ending with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Escapes Discord markdown so a post's title renders as written and cannot ping. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|>[\]])/g, '\\$1').replace(/@/g, '@\u200b');
}

/** The footer: why each label, in words (rule ids only in `/incident show … explain:true`). */
function footerOf(record: StoredPost, lang: Lang): string {
  return cut(explainLabels(record, lang).join(' · '), EMBED_LIMITS.footer);
}

/** The embed for one classified post, in `lang`. */
export function renderIncidentEmbed(record: StoredPost, lang: Lang): EmbedJson {
  const c = record.classification;
  const field = (key: Parameters<typeof t>[1], value: string, inline = true) => ({
    name: t(lang, key),
    value: cut(value || '—', EMBED_LIMITS.fieldValue),
    inline,
  });
  const embed: EmbedJson = {
    title: cut(escapeMarkdown(record.post.title || '(untitled)'), EMBED_LIMITS.title),
    color: SEVERITY_COLOURS[c.severity],
    author: { name: kindLabel(c.kind, lang) },
    fields: [
      field('alert.field.organization', c.organization ? escapeMarkdown(c.organization) : '—'),
      field('alert.field.cause', causeLabel(c.cause, lang)),
      field('alert.field.severity', severityLabel(c.severity, lang)),
      field(
        'alert.field.affected',
        c.affected === null ? t(lang, 'alert.affected-unknown') : formatPeople(lang, c.affected),
      ),
      field(
        'alert.field.dataTypes',
        listLabels(c.dataTypes, (d) => dataTypeLabel(d, lang), lang) || '—',
      ),
      field('alert.field.disclosed', c.disclosedOn ?? '—'),
      field('alert.field.incidentId', c.incidentId ?? '—'),
    ],
    footer: { text: footerOf(record, lang) },
  };
  if (record.post.link && /^https?:\/\//.test(record.post.link)) embed.url = record.post.link;
  if (record.post.publishedAt) embed.timestamp = record.post.publishedAt;
  return embed;
}

/** Custom ids of the alert's "details" button: `why:<post id>` (Discord allows 100 characters). */
export const DETAILS_PREFIX = 'why:';
const CUSTOM_ID_MAX = 100;

/** The "details" button, whose answer (only to the one who presses it) lists the rule ids. */
export function detailsButton(record: StoredPost, lang: Lang): ButtonRowJson[] {
  const customId = `${DETAILS_PREFIX}${record.post.id}`;
  if (customId.length > CUSTOM_ID_MAX) return [];
  return [
    {
      type: 1,
      components: [
        { type: 2, style: 2, label: t(lang, 'why.details-button'), custom_id: customId },
      ],
    },
  ];
}

/** The message posted to a subscribed channel. */
export function renderAlert(record: StoredPost, subscription: Subscription): AlertMessage {
  const lang = langOf(subscription.locale);
  const ping = mentionsRole(subscription, record) ? (subscription.mentionRoleId as string) : null;
  return {
    ...(ping ? { content: `<@&${ping}>` } : {}),
    embeds: [renderIncidentEmbed(record, lang)],
    components: detailsButton(record, lang),
    allowed_mentions: { parse: [], roles: ping ? [ping] : [] },
  };
}
