/**
 * The classifier: a post in, labels and extracted facts out, each with the
 * rule and words that decided it. Pure: no I/O, no Discord, no clock.
 */
import { pickAffected, pickSpamCount, type AffectedResult } from './affected.js';
import type { Classification, Reason } from './classification.js';
import { findCountMentions, type CountMention, type CountRules } from './countMentions.js';
import { decideCause } from './decideCause.js';
import { decideKind } from './decideKind.js';
import { decideSeverity } from './decideSeverity.js';
import { findDataTypes } from './findDataTypes.js';
import { patternInfoOf } from './patterns.js';
import { anySeen, mayMatch, seenWordsOf, withPostWords, wordIdsOf } from './prefilter.js';
import { isProtected, protectedPartOf } from './protectedPart.js';
import { preparePost, type ClassifierInput, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import { derived } from './derived.js';
import { organizationOf } from './organization.js';
import { incidentIdOf, japanDateOf, titleDateOf } from './titleFacts.js';

export type { ClassifierInput } from './prepare.js';

/** Classifies one post with `rules`. */
export function classifyPost(input: ClassifierInput, rules: ClassifierRules): Classification {
  const post = preparePost(input, rules.text.leadChars);
  // The post never leaves this call: its word tables can live in the prefilter's reused buffer.
  return withPostWords(post, rules, () => classifyPrepared(post, rules));
}

function classifyPrepared(post: PreparedPost, rules: ClassifierRules): Classification {
  const kind = decideKind(post, rules);
  const aboutAnIncident = kind.kind !== 'off_topic' && kind.kind !== 'threat_intel';
  const cause = decideCause(post, kind.kind, rules);
  const data = aboutAnIncident ? findDataTypes(post, rules) : null;
  // The post's text is its lines joined by line breaks: the count scan reads it in one go.
  const counts = (lines: readonly string[], text?: string) =>
    findCountMentions(lines, countRulesOf(rules), (re) => mayOccurIn(post, re, rules), text);
  const mentions = aboutAnIncident ? counts(post.lines, post.text) : [];
  // Counts on the lines of an encrypted part are exempt where another part was not protected.
  const protectedPart = aboutAnIncident ? protectedPartOf(post, cause.cause, rules) : null;
  const exposed = protectedPart
    ? mentions.filter((m) => !isProtected(protectedPart, m.line, m.at))
    : mentions;
  const picked = affectedOf(exposed, aboutAnIncident ? () => counts([post.title]) : null);
  const severity = decideSeverity(
    {
      post,
      kind: kind.kind,
      cause: cause.cause,
      dataTypes: data?.dataTypes ?? [],
      affected: picked,
      mentions: exposed,
      spamCount: pickSpamCount(mentions),
      protectedPart,
    },
    rules,
  );
  // A finished finding of no leak means nobody's data was affected (spec, section 3).
  const affected = severity.noLeakFinding ? null : picked.value;
  const incidentId = incidentIdOf(post.title, rules);
  const titleDate = titleDateOf(post.title, rules);
  const org = aboutAnIncident ? organizationOf(post, kind.kind === 'regulatory', rules) : null;
  const organization = org?.organization ?? null;
  const reasons: Reason[] = [
    kind.reason,
    cause.reason,
    ...cause.secondaryReasons,
    ...severity.reasons,
    {
      label: 'affected',
      value: affected === null ? 'none' : String(affected),
      rule:
        severity.noLeakFinding && picked.value !== null
          ? 'affected.none-after-no-leak-finding'
          : picked.rule,
      evidence: picked.evidence.slice(0, 4),
      ...affectedPatternOf(picked.rule, rules, picked.evidence),
    },
  ];
  if (data) reasons.push(data.reason);
  if (org) reasons.push(org.reason);
  if (incidentId)
    reasons.push({
      label: 'incidentId',
      value: incidentId,
      rule: 'facts.series-tag',
      evidence: [incidentId],
      patternId: patternInfoOf(rules.kind.seriesTag)?.id ?? 'kind.series-tag',
    });
  return {
    kind: kind.kind,
    cause: cause.cause,
    secondaryCauses: cause.secondaryCauses,
    severity: severity.severity,
    incidentId,
    organization,
    affected,
    dataTypes: data?.dataTypes ?? [],
    disclosedOn: titleDate?.date ?? japanDateOf(post.publishedAt),
    disruption: severity.disruption,
    reasons,
  };
}

/** Count rules plus all data-type words as one pattern (a count next to "氏名" or "購入履歴" counts). */
function countRulesOf(rules: ClassifierRules): CountRules {
  return derived(rules, 'countRules', () => ({
    ...rules.counts,
    dataWords: new RegExp(
      Object.values(rules.dataTypes)
        .map((re) => `(?:${re.source})`)
        .join('|'),
      'i',
    ),
  }));
}

/**
 * Whether a count pattern may match in text taken from `post`: the prefilter's answer, and
 * for the union of the data-type words, whether one of its data types may (each branch
 * needs its own words; a word never spans the line break that joins a heading to a line).
 */
function mayOccurIn(post: PreparedPost, re: RegExp, rules: ClassifierRules): boolean {
  if (re === countRulesOf(rules).dataWords)
    return anySeen(dataWordIdsOf(rules), seenWordsOf(post, rules));
  return mayMatch(post, re, rules);
}

/**
 * The words of every data type in one list, or null where one type always runs: one of
 * them seen is one type that may match (`mayMatch` per type, ~15 calls, cost more).
 */
function dataWordIdsOf(rules: ClassifierRules): readonly number[] | null {
  return derived(rules, 'dataWordIds', () => {
    const ids: number[] = [];
    for (const re of Object.values(rules.dataTypes)) {
      const words = wordIdsOf(re, rules);
      if (words === null) return null;
      ids.push(...words);
    }
    return ids;
  });
}

/** The count pattern behind the affected figure: a stated total, or the context that made a count relevant. */
function affectedPatternOf(
  rule: string,
  rules: ClassifierRules,
  evidence: string[],
): { patternId: string; words: string[]; count: number } | Record<string, never> {
  if (rule === 'affected.none-stated' || evidence.length === 0) return {};
  const re = rule === 'affected.stated-total' ? rules.counts.totalPrefix : rules.counts.relevance;
  const patternId = patternInfoOf(re)?.id;
  return patternId ? { patternId, words: evidence.slice(0, 3), count: evidence.length } : {};
}

/** Binds rules once, for the pipeline's `(post) => Classification` shape. */
export function createClassifier(
  rules: ClassifierRules,
): (input: ClassifierInput) => Classification {
  return (input) => classifyPost(input, rules);
}

/**
 * The people affected by the body's figures; where the body gives none, the title's
 * (サンプル市、市民214人のメールアドレスを流出: news often gives the count in the headline only).
 */
function affectedOf(
  mentions: readonly CountMention[],
  titleMentions: (() => CountMention[]) | null,
): AffectedResult {
  const picked = pickAffected(mentions);
  if (picked.value !== null || !titleMentions) return picked;
  const fromTitle = pickAffected(titleMentions());
  return fromTitle.value === null ? picked : { ...fromTitle, rule: 'affected.title-figure' };
}
