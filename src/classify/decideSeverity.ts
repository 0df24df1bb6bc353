/**
 * Severity per the spec's table: the highest level any fact of the post
 * reaches (at least low for incidents; info for other kinds). A finished
 * investigation that found no leak, or data protected by encryption, removes
 * the people-affected and leak facts; outages, ransomware and spam still count.
 */
import type { AffectedResult } from './affected.js';
import type { Reason } from './classification.js';
import type { CountMention } from './countMentions.js';
import { patternInfoOf } from './patterns.js';
import { holdsNowhereInText, sentenceMatcher } from './branchScan.js';
import { mayMatch } from './prefilter.js';
import { globalOf, matchedWords, type PreparedPost } from './prepare.js';
import { occursIn, textWindowOf } from './scanWindow.js';
import type { ClassifierRules } from './rules.js';
import type { ProtectedPart } from './protectedPart.js';
import { severityRank, type Cause, type DataType, type Kind, type Severity } from './vocabulary.js';

export interface SeverityInput {
  post: PreparedPost;
  kind: Kind;
  cause: Cause;
  dataTypes: DataType[];
  affected: AffectedResult;
  mentions: readonly CountMention[];
  spamCount: CountMention | null;
  /** Encryption that covers only part of what was lost: the rest is not exempt. */
  protectedPart?: ProtectedPart | null;
}

export interface SeverityResult {
  severity: Severity;
  disruption: boolean;
  /** The investigation concluded that nothing leaked (or the data was encrypted). */
  noLeak: boolean;
  /** A finished investigation found no leak (then nobody counts as affected). */
  noLeakFinding: boolean;
  reasons: Reason[];
}

interface Fact {
  level: Severity;
  rule: string;
  evidence: string[];
  /** The pattern whose words make the fact (its id goes into the reason). */
  pattern?: RegExp | undefined;
}

/** Sentences that state a finished finding of no leak (not a provisional "so far"). */
function noLeakFinding(post: PreparedPost, rules: ClassifierRules): string | null {
  const s = rules.severity;
  // Sentences are pieces of the text: a pattern that holds nowhere in it holds in none.
  if (holdsNowhereInText(post, s.noLeakConclusion, rules)) return null;
  const positive = !holdsNowhereInText(post, s.positiveLeak, rules);
  const conclusionIn = sentenceMatcher(post, s.noLeakConclusion, rules);
  const positiveIn = sentenceMatcher(post, s.positiveLeak, rules);
  let finding: string | null = null;
  for (let i = 0; i < post.sentences.length; i++) {
    const sentence = post.sentences[i] as string;
    const concludes = conclusionIn(i) !== null;
    if (concludes && s.conclusionQualifier.test(sentence) && !s.provisional.test(sentence))
      finding ??= sentence;
    if (!concludes && positive && positiveIn(i) !== null) return null;
  }
  return finding;
}

function firstSentence(
  post: PreparedPost,
  rules: ClassifierRules,
  re: RegExp,
  unless?: RegExp,
): string | null {
  if (holdsNowhereInText(post, re, rules)) return null;
  const matchIn = sentenceMatcher(post, re, rules);
  return (
    post.sentences.find(
      (sentence, i) => matchIn(i) !== null && !(unless && unless.test(sentence)),
    ) ?? null
  );
}

/**
 * The first sentence stating that systems went down: `re` matches, the
 * sentence does not deny an impact, and no precaution (念のため, 拡大を防ぐため,
 * 一時停止) comes before the words: a stop chosen as a precaution is no outage,
 * but a stop that follows an outage ("接続できない状態となったため、一時停止")
 * leaves the outage standing.
 */
function outageSentence(post: PreparedPost, rules: ClassifierRules, re: RegExp): string | null {
  const s = rules.severity;
  if (holdsNowhereInText(post, re, rules)) return null;
  const mayNegate = mayMatch(post, s.outageNegated, rules);
  const mayPrecaution = mayMatch(post, s.precaution, rules);
  const matchIn = sentenceMatcher(post, re, rules);
  for (let i = 0; i < post.sentences.length; i++) {
    const sentence = post.sentences[i] as string;
    const match = matchIn(i);
    if (!match) continue;
    if (mayNegate && s.outageNegated.test(sentence)) continue;
    if (
      mayPrecaution &&
      s.precaution.test(governedStretch(sentence, match.index, match[0].length, rules))
    )
      continue;
    return sentence;
  }
  return null;
}

/**
 * The part of `sentence` before a match (and the match) that a precaution in it would govern:
 * from the last contrast before the match (遮断しましたが、…利用できない状態となった).
 */
function governedStretch(sentence: string, index: number, length: number, rules: ClassifierRules) {
  const ends = globalOf(rules.severity.precautionEnds);
  let from = 0;
  for (const m of sentence.slice(0, index).matchAll(ends)) from = m.index + m[0].length;
  return sentence.slice(from, index + length);
}

/** Whether a sentence both speaks of personal data and states a leak. */
function personalLeakSentence(post: PreparedPost, rules: ClassifierRules): boolean {
  const s = rules.severity;
  const personalIn = sentenceMatcher(post, s.personalDataLeak, rules);
  const positiveIn = sentenceMatcher(post, s.positiveLeak, rules);
  return post.sentences.some((_, i) => personalIn(i) !== null && positiveIn(i) !== null);
}

function peopleLevel(count: number, rules: ClassifierRules): Severity | null {
  return rules.severity.people.find((row) => count >= row.min)?.level ?? null;
}

export function decideSeverity(input: SeverityInput, rules: ClassifierRules): SeverityResult {
  const { post, kind, cause, dataTypes, affected } = input;
  const s = rules.severity;
  if (kind !== 'incident' && kind !== 'incident_update') {
    return {
      severity: 'info',
      disruption: false,
      noLeak: false,
      noLeakFinding: false,
      reasons: [
        { label: 'severity', value: 'info', rule: `severity.kind-${kind}-is-info`, evidence: [] },
      ],
    };
  }
  // Patterns whose words the post lacks are not run (one prefilter pass per post).
  // On the text, only the stretch where a pattern's words sit is scanned.
  const words = (re: RegExp, text: string, max: number) => {
    if (!mayMatch(post, re, rules)) return [];
    const window = text === post.text ? textWindowOf(post, re, rules) : null;
    return window ? matchedWords(re, window.text, max, window.from) : matchedWords(re, text, max);
  };
  const occurs = (re: RegExp, text: string) =>
    mayMatch(post, re, rules) &&
    (text === post.text ? occursIn(re, textWindowOf(post, re, rules)) : re.test(text));
  const facts: Fact[] = [];
  const attack = rules.causeRules.attackCauses.includes(cause);
  const finding = noLeakFinding(post, rules);
  const partly = input.protectedPart ?? null;
  const encrypted =
    s.encryptionAppliesTo.includes(cause) && !partly ? words(s.encryptedData, post.text, 1) : [];
  const noLeak = finding !== null || encrypted.length > 0;
  if (partly)
    facts.push({
      level: 'low',
      rule: 'severity.part-unprotected',
      evidence: [partly.unprotected],
      pattern: s.unprotectedPart,
    });
  if (finding)
    facts.push({
      level: 'low',
      rule: 'severity.no-leak-concluded',
      pattern: s.noLeakConclusion,
      evidence: [finding.slice(0, 80)],
    });
  if (encrypted.length > 0)
    facts.push({
      level: 'low',
      rule: 'severity.data-was-encrypted',
      evidence: encrypted,
      pattern: s.encryptedData,
    });

  if (!noLeak) {
    const level = affected.value !== null ? peopleLevel(affected.value, rules) : null;
    if (level)
      facts.push({
        level,
        rule: 'severity.people-affected',
        evidence: [`${affected.value}`, ...affected.evidence],
      });
    if (dataTypes.includes('credit_card')) {
      // A count that names cards itself ("カード情報999件") beats one that only has cards near
      // it ("カード情報999件を含む個人情報3,120件"); a list's heading may name them for its lines.
      const unspammed = input.mentions.filter((m) => !m.spam);
      const named = unspammed.filter((m) => s.cardContext.test(m.text));
      const cards = (
        named.length > 0 ? named : unspammed.filter((m) => s.cardContext.test(m.near))
      ).map((m) => m.value);
      const count = cards.length > 0 ? Math.max(...cards) : affected.value;
      const critical = count !== null && count >= s.cardsCritical;
      facts.push({
        level: critical ? 'critical' : 'high',
        rule: 'severity.card-data',
        pattern: rules.dataTypes.credit_card,
        evidence: [`${count ?? 'unstated'} card(s)`],
      });
    }
    // Stored passwords the post says were encrypted or hashed (パスワードは暗号化したうえで保存)
    // are not possibly leaked (spec 3, encryption): they set no sensitive-data row.
    // (Asked only where the passwords would count: not a hijacked account's own.)
    const passwordsProtected =
      dataTypes.includes('credentials') && !s.credentialsNotSensitiveFor.includes(cause)
        ? words(s.credentialsProtected, post.text, 1)
        : [];
    if (passwordsProtected.length > 0)
      facts.push({
        level: 'low',
        rule: 'severity.passwords-protected',
        evidence: passwordsProtected,
        pattern: s.credentialsProtected,
      });
    const sensitive = dataTypes.filter(
      (t) =>
        s.sensitiveDataTypes.includes(t) &&
        !(
          t === 'credentials' &&
          (s.credentialsNotSensitiveFor.includes(cause) || passwordsProtected.length > 0)
        ),
    );
    const sensitiveWords = words(s.sensitiveText, post.text, 2);
    if (sensitive.length > 0 || sensitiveWords.length > 0) {
      facts.push({
        level: 'high',
        rule: 'severity.sensitive-data',
        pattern:
          sensitiveWords.length > 0
            ? s.sensitiveText
            : rules.dataTypes[sensitive[0] as (typeof sensitive)[number]],
        evidence: [...sensitive, ...sensitiveWords],
      });
    }
    // The password of the hijacked account itself is no one's personal data leaked (spec 3).
    const credentialsOnly = dataTypes.every(
      (t) => t === 'credentials' && s.credentialsNotSensitiveFor.includes(cause),
    );
    const personal =
      (dataTypes.length > 0 && !credentialsOnly) ||
      (affected.value !== null && !s.countAloneNoLeakFor.includes(cause)) ||
      (!holdsNowhereInText(post, s.personalDataLeak, rules) && personalLeakSentence(post, rules));
    if ((attack || cause === 'insider') && personal) {
      facts.push({ level: 'medium', rule: 'severity.wrongful-leak', evidence: [cause] });
    }
  }
  const website = words(s.websiteOnly, `${post.title}\n${post.lead}`, 1);
  // An intrusion the post does not place on a public website is taken as internal. The spec's
  // row is for a post silent on data: a finished finding of no leak is not silent.
  if (
    ['unauthorized_access', 'ransomware', 'malware'].includes(cause) &&
    website.length === 0 &&
    finding === null
  ) {
    facts.push({
      level: 'medium',
      rule: 'severity.internal-intrusion',
      pattern: s.internalIntrusion,
      evidence: words(s.internalIntrusion, post.text, 1),
    });
  }
  let disruption = false;
  if (attack) {
    const stated = outageSentence(post, rules, s.outage);
    const outage =
      stated ?? (cause === 'ransomware' ? outageSentence(post, rules, s.ransomwareOutage) : null);
    if (outage) {
      disruption = true;
      facts.push({
        level: 'critical',
        rule: 'severity.outage',
        evidence: [outage.slice(0, 80)],
        pattern: stated ? s.outage : s.ransomwareOutage,
      });
    }
    const degraded = firstSentence(post, rules, s.degraded);
    if (degraded)
      facts.push({
        level: 'medium',
        rule: 'severity.service-degraded',
        pattern: s.degraded,
        evidence: [degraded.slice(0, 60)],
      });
  }
  if (cause === 'ransomware')
    facts.push({ level: 'high', rule: 'severity.ransomware', evidence: [] });
  if (s.spamSenderCauses.includes(cause) && occurs(s.spamSent, post.text)) {
    const count = input.spamCount?.value ?? null;
    const mass = count !== null ? count >= s.spamMassCount : occurs(s.spamMass, post.text);
    facts.push({
      level: mass ? 'medium' : 'low',
      rule: mass ? 'severity.spam-sent-mass' : 'severity.spam-sent-few',
      pattern: s.spamSent,
      evidence: count !== null ? [`${count} mail(s)`] : words(s.spamMass, post.text, 1),
    });
  }
  if (
    s.noticeCauses.includes(cause) ||
    website.length > 0 ||
    (cause === 'account_compromise' && occurs(s.takeoverNotice, post.text))
  ) {
    facts.push({
      level: 'low',
      rule: 'severity.notice',
      evidence: website,
      pattern: website.length > 0 ? s.websiteOnly : undefined,
    });
  }
  if (facts.length === 0) facts.push({ level: 'low', rule: 'severity.floor', evidence: [] });
  facts.sort((a, b) => severityRank(b.level) - severityRank(a.level));
  const top = facts[0] as Fact;
  const reasons: Reason[] = facts.map((f, i) => {
    const patternId = f.pattern ? patternInfoOf(f.pattern)?.id : undefined;
    return {
      label: i === 0 ? 'severity' : 'severity-fact',
      value: f.level,
      rule: f.rule,
      evidence: f.evidence,
      ...(patternId ? { patternId, words: f.evidence.slice(0, 3), count: 1 } : {}),
    };
  });
  return { severity: top.level, disruption, noLeak, noLeakFinding: finding !== null, reasons };
}
