/**
 * Cause: weighted patterns score every cause; the spec's tie-breaks then
 * decide in its order (specific rules before "what the organisation says
 * happened to it"). Every decision names its rule and the words that fired.
 */
import type { Reason } from './classification.js';
import type { PatternHit } from './patterns.js';
import { mayMatch } from './prefilter.js';
import { globalOf, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import type { Cause, Kind } from './vocabulary.js';

export interface CauseScore {
  score: number;
  words: string[];
  /** Each pattern that fired: `cause.<cause>.<id>`, its words, how many affirmed matches. */
  hits: PatternHit[];
}

export interface CauseDecision {
  cause: Cause;
  secondaryCauses: Cause[];
  scores: Map<Cause, CauseScore>;
  reason: Reason;
  /** One reason per secondary cause, naming the pattern that fired for it. */
  secondaryReasons: Reason[];
}

type ScoredCause = Exclude<Cause, 'other'>;

/** Matches of `re` in `text` that are not denied right after ("…ではなく"). */
function affirmedMatches(re: RegExp, text: string, negatedAfter: RegExp): string[] {
  const words: string[] = [];
  if (!re.test(text)) return words;
  for (const match of text.matchAll(globalOf(re))) {
    const end = (match.index ?? 0) + match[0].length;
    if (!negatedAfter.test(text.slice(end, end + 30))) words.push(match[0]);
  }
  return words;
}

function weightOf(hit: PatternHit, patterns: readonly { id: string; weight: number }[]): number {
  return patterns.find((p) => hit.patternId.endsWith(`.${p.id}`))?.weight ?? 0;
}

/** Scores each cause: body matches (at most 3 per pattern) plus title matches times the title multiplier. */
export function scoreCauses(post: PreparedPost, rules: ClassifierRules): Map<Cause, CauseScore> {
  const scores = new Map<Cause, CauseScore>();
  const { titleMultiplier, negatedAfter, quoted } = rules.causeRules;
  // Quoted names are services and products ("「メール誤送信対策サービス」"), not what happened.
  const text = post.text.replace(globalOf(quoted), '「」');
  for (const [cause, patterns] of Object.entries(rules.causes) as [
    ScoredCause,
    ClassifierRules['causes'][ScoredCause],
  ][]) {
    let score = 0;
    const words: string[] = [];
    const hits: PatternHit[] = [];
    for (const pattern of patterns) {
      if (!mayMatch(post, pattern.re, rules)) continue;
      const inTitle = affirmedMatches(pattern.re, post.title, negatedAfter);
      const inText = affirmedMatches(pattern.re, text, negatedAfter);
      score +=
        pattern.weight * (Math.min(inText.length, 3) + (inTitle.length > 0 ? titleMultiplier : 0));
      const found = [...inTitle, ...inText];
      for (const word of found) if (!words.includes(word) && words.length < 3) words.push(word);
      if (found.length > 0)
        hits.push({
          patternId: `cause.${cause}.${pattern.id}`,
          words: [...new Set(found)].slice(0, 3),
          count: found.length,
        });
    }
    // The pattern that weighed most comes first: it is the one a reader is shown.
    hits.sort((a, b) => weightOf(b, patterns) * b.count - weightOf(a, patterns) * a.count);
    scores.set(cause, { score, words, hits });
  }
  return scores;
}

export function decideCause(post: PreparedPost, kind: Kind, rules: ClassifierRules): CauseDecision {
  const scores = scoreCauses(post, rules);
  const r = rules.causeRules;
  const s = (cause: Cause) => scores.get(cause)?.score ?? 0;
  const words = (cause: Cause) => scores.get(cause)?.words ?? [];
  const finish = (
    cause: Cause,
    rule: string,
    evidence: string[],
    secondary: Cause[] = [],
  ): CauseDecision => {
    const extra = [...scores.entries()]
      .filter(
        ([c, v]) => c !== cause && v.score >= r.secondaryMinScore && r.attackCauses.includes(c),
      )
      .sort((a, b) => b[1].score - a[1].score)
      .map(([c]) => c);
    const secondaryCauses = [...new Set([...secondary, ...extra])]
      .filter((c) => c !== cause)
      .slice(0, 2);
    const top = scores.get(cause)?.hits[0];
    return {
      cause,
      secondaryCauses,
      scores,
      reason: {
        label: 'cause',
        value: cause,
        rule,
        evidence,
        ...(top ? { patternId: top.patternId, words: top.words, count: top.count } : {}),
        matches: scores.get(cause)?.hits ?? [],
      },
      secondaryReasons: secondaryCauses.map((c) => {
        const hit = scores.get(c)?.hits[0];
        return {
          label: 'secondaryCause',
          value: c,
          rule: secondary.includes(c) ? `${rule}.secondary` : 'cause.secondary.also-scored',
          evidence: scores.get(c)?.words ?? [],
          ...(hit ? { patternId: hit.patternId, words: hit.words, count: hit.count } : {}),
        };
      }),
    };
  };

  if (kind === 'off_topic') return finish('other', 'cause.off-topic', []);

  const text = `${post.title}\n${post.text}`;
  if (kind === 'threat_intel') {
    const topical = [...scores.entries()].filter(([, v]) => v.score > 0).map(([c]) => c);
    const inTitle = topical.filter((c) =>
      rules.causes[c as ScoredCause].some((p) => p.re.test(post.title)),
    );
    // The title's topic; where it names several, the one the post dwells on.
    const titleTopic = [...inTitle].sort((a, b) => s(b) - s(a))[0];
    const topic = titleTopic ?? (s('ransomware') >= r.minScore ? 'ransomware' : undefined);
    return topic
      ? finish(topic, 'cause.tie-break-6.threat-intel-topic', words(topic))
      : finish('other', 'cause.tie-break-6.no-topic', []);
  }
  if (s('ransomware') >= r.minScore && r.ransomwareEvent.test(text)) {
    return finish('ransomware', 'cause.ransomware', words('ransomware'));
  }
  if (s('web_skimming') >= 4)
    return finish(
      'web_skimming',
      'cause.web-skimming.card-data-taken-at-payment',
      words('web_skimming'),
    );
  const scam = r.supportScam.exec(text);
  if (scam)
    return finish('phishing', 'cause.tie-break-5.support-scam', [scam[0]], ['unauthorized_access']);
  if (s('insider') >= 4)
    return finish('insider', 'cause.tie-break-3.insider-actor', words('insider'));
  for (const cause of ['ddos', 'domain_hijack'] as const) {
    if (s(cause) >= 5) return finish(cause, `cause.${cause.replace('_', '-')}`, words(cause));
  }
  const errorBest = r.errorCauses.map((c) => ({ c, v: s(c) })).sort((a, b) => b.v - a.v)[0];
  const attackBest = Math.max(
    s('unauthorized_access'),
    s('account_compromise'),
    s('malware'),
    s('phishing'),
  );
  if (errorBest && errorBest.v >= r.minScore && errorBest.v >= attackBest) {
    // Rule 4: data shown to others by a software defect is misconfiguration, not misdelivery.
    const defect =
      errorBest.c === 'misdelivery'
        ? affirmedMatches(r.softwareDefect, text, r.negatedAfter)[0]
        : undefined;
    if (defect)
      return finish(
        'misconfiguration',
        'cause.tie-break-4.software-defect',
        [defect, ...words('misconfiguration')].slice(0, 3),
      );
    const rule =
      errorBest.c === 'loss_theft'
        ? 'cause.loss-theft'
        : `cause.tie-break-4.${errorBest.c.replace('_', '-')}`;
    return finish(errorBest.c, rule, words(errorBest.c));
  }
  if (
    s('account_compromise') >= 3 &&
    (!r.softwareFlaw.test(text) || s('account_compromise') > s('unauthorized_access'))
  ) {
    return finish(
      'account_compromise',
      'cause.tie-break-2.account-entered',
      words('account_compromise'),
    );
  }
  // Rule 1: what happened to the organisation (an infection) before what followed (spoofed mails).
  // An infection the post names (Emotet, 感染) is what happened to the organisation; the
  // spoofed mails that follow (当社を装った) are its consequence, however often they are named.
  const infected = (scores.get('malware')?.hits ?? []).some((h) =>
    h.patternId.endsWith('.named-malware'),
  );
  const social = (['malware', 'phishing'] as const)
    .filter((c) => s(c) >= 3 && s(c) >= s('unauthorized_access'))
    .sort((a, b) => (infected ? (a === 'malware' ? -1 : 1) : s(b) - s(a)))[0];
  if (social) return finish(social, `cause.${social}`, words(social));
  if (s('unauthorized_access') >= r.minScore) {
    return finish(
      'unauthorized_access',
      'cause.tie-break-2.system-entered',
      words('unauthorized_access'),
    );
  }
  const fallback = [...scores.entries()]
    .filter(([, v]) => v.score >= r.minScore)
    .sort((a, b) => b[1].score - a[1].score)[0];
  if (fallback) return finish(fallback[0], `cause.highest-score.${fallback[0]}`, fallback[1].words);
  return finish('other', 'cause.nothing-fits', []);
}
