/**
 * The timeline of an incident as an embed (first report → updates, with dates and what changed),
 * and the wording of fact changes that update alerts share.
 */
import { formatPeople, t, type Lang } from '../i18n/i18n.js';
import { causeLabel, severityLabel } from '../i18n/labels.js';
import type { FactChange, TimelineEntry } from '../incidents/timeline.js';
import { cut, EMBED_LIMITS, SEVERITY_COLOURS, type EmbedJson } from './renderAlert.js';

/** 影響人数 2,850 → 35,650 / People affected 2,850 → 35,650. */
export function describeChange(change: FactChange, lang: Lang): string {
  switch (change.fact) {
    case 'affected': {
      const from =
        change.from === null
          ? t(lang, 'alert.affected-unknown')
          : change.from.toLocaleString('en-US');
      return `${t(lang, 'alert.field.affected')} ${from} → ${formatPeople(lang, change.to)}`;
    }
    case 'severity':
      return `${t(lang, 'alert.field.severity')} ${severityLabel(change.from, lang)} → ${severityLabel(change.to, lang)}`;
    case 'cause':
      return `${t(lang, 'alert.field.cause')} ${causeLabel(change.from, lang)} → ${causeLabel(change.to, lang)}`;
  }
}

/** Full-width space: Discord keeps it at the start of a line, where it drops ASCII spaces. */
const INDENT = '\u3000';

function entryLines(entry: TimelineEntry, index: number, lang: Lang): string {
  const { post } = entry.record;
  const stage = t(lang, index === 0 ? 'story.first-report' : 'story.update');
  // The series tag (【セキュリティ事件簿#…】) repeats on every line: the date already orders them.
  const title = cut(post.title.replace(/^【[^】]*】\s*/u, '').replace(/[[\]]/g, ''), 80);
  const head = `**${entry.day}** ${stage} — ${post.link ? `[${title}](${post.link})` : title}`;
  const changes =
    index === 0
      ? []
      : entry.changes.length > 0
        ? entry.changes.map((c) => `${INDENT}${describeChange(c, lang)}`)
        : [`${INDENT}${t(lang, 'story.no-change')}`];
  const why = entry.link
    ? [`${INDENT}${t(lang, 'story.linked-because', { why: linkWhy(entry, lang) })}`]
    : [];
  return [head, ...changes, ...why].join('\n');
}

function linkWhy(entry: TimelineEntry, lang: Lang): string {
  const link = entry.link;
  if (!link) return '';
  const words = link.evidence.map((w) => `「${cut(w, 40)}」`).join(' ');
  switch (link.rule) {
    case 'link.cited-title':
      return t(lang, 'story.why.cited-title', { words });
    case 'link.cited-date':
      return t(lang, 'story.why.cited-date', { words });
    case 'link.cited-notice':
      return t(lang, 'story.why.cited-notice', { words });
    default:
      return t(lang, 'story.why.same-organization', { words });
  }
}

/** The timeline embed; the oldest entries are kept when the description would be too long. */
export function renderTimelineEmbed(
  entries: readonly TimelineEntry[],
  lang: Lang,
  maxChars: number = EMBED_LIMITS.description,
): EmbedJson {
  const first = entries[0]?.record;
  const latest = entries.at(-1)?.record;
  const organization = first?.classification.organization ?? first?.post.title ?? '';
  return {
    title: cut(t(lang, 'story.timeline-title', { organization }), EMBED_LIMITS.title),
    color: latest ? SEVERITY_COLOURS[latest.classification.severity] : SEVERITY_COLOURS.info,
    description: cut(
      entries.map((e, i) => entryLines(e, i, lang)).join('\n'),
      Math.min(maxChars, EMBED_LIMITS.description),
    ),
    fields: [],
  };
}
