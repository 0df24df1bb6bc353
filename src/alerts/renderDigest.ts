/**
 * Held alerts released together: one digest, embeds grouped by severity (most severe first), split
 * into as many messages as Discord's limits need (10 embeds and 6000 embed characters a message).
 */
import { SEVERITIES, SEVERITY_NAMES } from '../classify/vocabulary.js';
import { langOf, t } from '../i18n/i18n.js';
import type { Subscription } from '../store/guildSettings.js';
import type { StoredPost } from '../store/postStore.js';
import {
  EMBED_LIMITS,
  renderIncidentEmbed,
  type AlertMessage,
  type EmbedJson,
} from './renderAlert.js';

export const DIGEST_LIMITS = { embeds: 10, chars: EMBED_LIMITS.total };

/** The characters Discord counts against an embed's 6000 (title, description, fields, footer, author). */
export function embedChars(embed: EmbedJson): number {
  const len = (s: string | undefined) => [...(s ?? '')].length;
  return (
    len(embed.title) +
    len(embed.description) +
    len(embed.footer?.text) +
    len(embed.author?.name) +
    embed.fields.reduce((n, f) => n + len(f.name) + len(f.value), 0)
  );
}

/** The order a digest shows `records` in: most severe first, otherwise as given. */
export function digestOrder<T extends StoredPost>(records: readonly T[]): T[] {
  return SEVERITIES.flatMap((s) => records.filter((r) => r.classification.severity === s));
}

/**
 * The digest messages for `records` in a channel of `subscription`; none for no records. The
 * messages hold the records in `digestOrder`, each message the next `embeds.length` of them.
 */
export function renderDigest(
  records: readonly StoredPost[],
  subscription: Subscription,
): AlertMessage[] {
  const lang = langOf(subscription.locale);
  const ordered = digestOrder(records);
  const pages: EmbedJson[][] = [];
  let page: EmbedJson[] = [];
  let chars = 0;
  for (const record of ordered) {
    const embed = renderIncidentEmbed(record, lang);
    const size = embedChars(embed);
    if (
      page.length > 0 &&
      (page.length >= DIGEST_LIMITS.embeds || chars + size > DIGEST_LIMITS.chars)
    ) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(embed);
    chars += size;
  }
  if (page.length > 0) pages.push(page);
  const counts = SEVERITIES.map(
    (s) => [s, ordered.filter((r) => r.classification.severity === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_NAMES[s][lang]} ${n}`)
    .join(' · ');
  return pages.map((embeds, i) => ({
    content: t(lang, 'story.digest-head', {
      count: ordered.length,
      counts,
      page: i + 1,
      pages: pages.length,
    }),
    embeds,
    allowed_mentions: { parse: [], roles: [] },
  }));
}
