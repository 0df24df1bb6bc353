/** Whether a post passes a subscription's filter, and why not: the same answer serves alerts and previews. */
import type { StoredPost } from '../store/postStore.js';
import { severityRank } from '../classify/vocabulary.js';
import { t, type Lang } from '../i18n/i18n.js';
import { causeLabel, kindLabel, labelOf, listLabels, severityLabel } from '../i18n/labels.js';
import type { Subscription } from '../store/guildSettings.js';

export type FilterVerdict =
  | { pass: true }
  | {
      pass: false;
      rule: 'severity' | 'kind' | 'cause' | 'keywords' | 'exclude';
      detail: Record<string, string>;
    };

/** Normalised text per record, computed once however many subscriptions look at it. */
const haystacks = new WeakMap<StoredPost, string>();

function haystack(record: StoredPost): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    text = `${record.post.title}\n${record.classification.organization ?? ''}\n${record.post.text}`
      .normalize('NFKC')
      .toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

/** Plain-word matching (not regular expressions), case- and width-insensitive. */
function contains(text: string, word: string): boolean {
  return text.includes(word.normalize('NFKC').toLowerCase());
}

export function matchFilter(subscription: Subscription, record: StoredPost): FilterVerdict {
  const c = record.classification;
  if (!subscription.kinds.includes(c.kind)) {
    return {
      pass: false,
      rule: 'kind',
      detail: { actual: c.kind, allowed: subscription.kinds.join(', ') },
    };
  }
  if (severityRank(c.severity) < severityRank(subscription.minSeverity)) {
    return {
      pass: false,
      rule: 'severity',
      detail: { actual: c.severity, min: subscription.minSeverity },
    };
  }
  if (subscription.causes.length > 0 && !subscription.causes.includes(c.cause)) {
    return {
      pass: false,
      rule: 'cause',
      detail: { actual: c.cause, allowed: subscription.causes.join(', ') },
    };
  }
  if (subscription.keywords.length > 0 || subscription.exclude.length > 0) {
    const text = haystack(record);
    if (subscription.keywords.length > 0 && !subscription.keywords.some((w) => contains(text, w))) {
      return { pass: false, rule: 'keywords', detail: { words: subscription.keywords.join(', ') } };
    }
    const excluded = subscription.exclude.find((w) => contains(text, w));
    if (excluded) return { pass: false, rule: 'exclude', detail: { word: excluded } };
  }
  return { pass: true };
}

/** "passed" or "blocked: severity low < medium", in the reader's language. */
export function explainVerdict(verdict: FilterVerdict, lang: Lang): string {
  if (verdict.pass) return t(lang, 'filter.passed');
  const key = (
    {
      severity: 'filter.blocked-severity',
      kind: 'filter.blocked-kind',
      cause: 'filter.blocked-cause',
      keywords: 'filter.blocked-keywords',
      exclude: 'filter.blocked-exclude',
    } as const
  )[verdict.rule];
  return t(lang, key, namedDetail(verdict.detail, lang));
}

/** The verdict's ids (kinds, causes, severities) as the reader's names. */
function namedDetail(detail: Record<string, string>, lang: Lang): Record<string, string> {
  const names = (ids: string) => listLabels(ids.split(/,\s*/), (id) => labelOf(id, lang), lang);
  return Object.fromEntries(
    Object.entries(detail).map(([k, v]) => [k, k === 'words' || k === 'word' ? v : names(v)]),
  );
}

/** Whether this alert pings the subscription's role. */
export function mentionsRole(subscription: Subscription, record: StoredPost): boolean {
  return (
    subscription.mentionRoleId !== null &&
    severityRank(record.classification.severity) >= severityRank(subscription.mentionMinSeverity)
  );
}

/** The filter in words, for /alerts list and confirmations. */
export function describeFilter(subscription: Subscription, lang: Lang): string {
  return t(lang, 'filter.summary', {
    severity: severityLabel(subscription.minSeverity, lang),
    kinds: listLabels(subscription.kinds, (k) => kindLabel(k, lang), lang),
    causes:
      subscription.causes.length > 0
        ? listLabels(subscription.causes, (c) => causeLabel(c, lang), lang)
        : t(lang, 'filter.all-causes'),
    keywords:
      subscription.keywords.length > 0
        ? t(lang, 'filter.keywords', { words: subscription.keywords.join(', ') })
        : '',
    exclude:
      subscription.exclude.length > 0
        ? t(lang, 'filter.exclude', { words: subscription.exclude.join(', ') })
        : '',
    mention: subscription.mentionRoleId
      ? t(lang, 'filter.mention', {
          role: `<@&${subscription.mentionRoleId}>`,
          severity: severityLabel(subscription.mentionMinSeverity, lang),
        })
      : '',
  });
}
