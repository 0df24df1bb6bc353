/**
 * Why a post was labelled as it was, in one short sentence per label, built
 * from the classifier's structured reasons (pattern, matched words, counts):
 * 「タイトルの「セキュリティ事件簿#」→ インシデント」, 「カード情報 21,480件 → 緊急」.
 * Rule ids never appear here; `ruleIdsOf` lists them for the explicit "explain" view.
 */
import type { Reason } from '../classify/classification.js';
import { dataTypeSchema } from '../classify/vocabulary.js';
import { t, type Lang } from '../i18n/i18n.js';
import { causeLabel, dataTypeLabel, kindLabel, listLabels, severityLabel } from '../i18n/labels.js';
import type { StoredPost } from '../store/postStore.js';

/** Longest quoted word: long sentence fragments are cut so the footer stays short. */
const WORD_MAX = 20;

const number = (value: number) => value.toLocaleString('en-US');

function quote(word: string): string {
  // A pattern's trailing punctuation (「セキュリティ事件簿#」) says nothing to a reader.
  const chars = [...word.trim().replace(/[#＃\s:：]+$/u, '')];
  return chars.length <= WORD_MAX ? chars.join('') : `${chars.slice(0, WORD_MAX - 1).join('')}…`;
}

/** 「タイトルの「X」」, 「本文の「X」×3」 or 「タイトルと本文の「X」×3」 for the first words of a reason. */
function wordsPhrase(reason: Reason, record: StoredPost, lang: Lang): string | null {
  const word = reason.words?.[0] ?? reason.evidence[0];
  if (!word) return null;
  const count = reason.count ?? 1;
  const inTitle = record.post.title.includes(word);
  const inText = record.post.text.includes(word);
  const where = !inTitle ? 'why.in-body' : count > 1 && inText ? 'why.in-both' : 'why.in-title';
  const times = count > 1 ? t(lang, 'why.times', { count }) : '';
  return `${t(lang, where, { word: quote(word) })}${times}`;
}

function firstNumber(evidence: readonly string[]): number | null {
  for (const item of evidence) {
    const digits = /\d[\d,]*/.exec(item)?.[0];
    if (digits) return Number(digits.replace(/,/g, ''));
  }
  return null;
}

/** The fact behind a severity, in words, from its rule and the post's extracted facts. */
function severityFact(reason: Reason, record: StoredPost, lang: Lang): string {
  const c = record.classification;
  const rule = reason.rule;
  if (rule.startsWith('severity.kind-'))
    return t(lang, 'why.not-incident', { kind: kindLabel(c.kind, lang) });
  switch (rule) {
    case 'severity.people-affected': {
      const count = c.affected ?? firstNumber(reason.evidence);
      return count === null
        ? t(lang, 'why.other-fact')
        : t(lang, 'why.people', { count: number(count) });
    }
    case 'severity.card-data': {
      const count = firstNumber(reason.evidence);
      return count === null
        ? t(lang, 'why.cards-unstated')
        : t(lang, 'why.cards', { count: number(count) });
    }
    case 'severity.sensitive-data': {
      const types = reason.evidence.flatMap((e) => {
        const parsed = dataTypeSchema.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      });
      const words = reason.evidence.filter((e) => !dataTypeSchema.safeParse(e).success);
      const items =
        types.length > 0
          ? listLabels(types, (d) => dataTypeLabel(d, lang), lang)
          : words.map(quote).join(lang === 'ja' ? '、' : ', ');
      return t(lang, 'why.sensitive', { items });
    }
    case 'severity.wrongful-leak':
      return t(lang, 'why.wrongful-leak');
    case 'severity.internal-intrusion':
      return t(lang, 'why.internal-intrusion');
    case 'severity.outage':
      return t(lang, 'why.outage');
    case 'severity.ransomware':
      return t(lang, 'why.ransomware');
    case 'severity.service-degraded':
      return t(lang, 'why.degraded');
    case 'severity.spam-sent-mass':
      return t(lang, 'why.spam-mass');
    case 'severity.spam-sent-few':
      return t(lang, 'why.spam-few');
    case 'severity.notice':
      return t(lang, 'why.notice');
    case 'severity.no-leak-concluded':
      return t(lang, 'why.no-leak');
    case 'severity.data-was-encrypted':
      return t(lang, 'why.encrypted');
    case 'severity.floor':
      return t(lang, 'why.floor');
    default:
      // A rule this renderer does not know yet still gets words, never its id.
      return t(lang, 'why.other-fact');
  }
}

/**
 * One sentence per label (kind, cause, severity), each "what in the post → the label's name",
 * in the reader's language.
 */
export function explainLabels(record: StoredPost, lang: Lang): string[] {
  const c = record.classification;
  const find = (label: string) => c.reasons.find((r) => r.label === label);
  const sentences: string[] = [];
  const kind = find('kind');
  const kindWhy =
    (kind && wordsPhrase(kind, record, lang)) ??
    t(lang, c.kind === 'off_topic' ? 'why.no-security-words' : 'why.no-words');
  sentences.push(t(lang, 'why.decides', { why: kindWhy, label: kindLabel(c.kind, lang) }));
  const cause = find('cause');
  const causeWhy = cause && wordsPhrase(cause, record, lang);
  if (causeWhy)
    sentences.push(t(lang, 'why.decides', { why: causeWhy, label: causeLabel(c.cause, lang) }));
  const severity = find('severity');
  const severityWhy = severity ? severityFact(severity, record, lang) : t(lang, 'why.other-fact');
  sentences.push(
    t(lang, 'why.decides', {
      why: severityWhy,
      label: severityLabel(c.severity, lang),
    }),
  );
  return sentences;
}

/** The rule ids behind each label, for `/incident show … explain:true` only. */
export function ruleIdsOf(record: StoredPost): string[] {
  return record.classification.reasons.map((r) =>
    r.patternId ? `${r.label}: ${r.rule} (${r.patternId})` : `${r.label}: ${r.rule}`,
  );
}
