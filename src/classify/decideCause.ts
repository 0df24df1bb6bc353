/**
 * Cause: weighted patterns score every cause; the spec's tie-breaks, as the
 * ordered rows of `causeRules.decisions`, then decide in its order (specific
 * rules before "what the organisation says happened to it"). Every decision
 * names its row, the pattern and the words that fired.
 */
import type { Reason } from './classification.js';
import type { CauseRow } from './causeRows.js';
import { hitOf, type PatternHit } from './patterns.js';
import { derived } from './derived.js';
import { anySeen, mayMatch, postWordsOf, wordIdsOf } from './prefilter.js';
import { globalOf, type PreparedPost } from './prepare.js';
import { forEachMatch, scanPartsOf, type ScanGate, type ScanPart } from './branchScan.js';
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

/**
 * Matches of the pattern made of `parts` in `text` not denied right after ("…ではなく"),
 * each part run where the gate's words allow.
 */
function affirmedMatches(
  parts: readonly ScanPart[],
  text: string,
  negatedAfter: RegExp,
  gate: ScanGate,
): string[] {
  const words: string[] = [];
  forEachMatch(parts, text, gate, (index, matched) => {
    const end = index + matched.length;
    if (!negatedAfter.test(text.slice(end, end + 30))) words.push(matched);
    return true;
  });
  return words;
}

const NONE: readonly string[] = Object.freeze([]);

interface CausePattern {
  patternId: string;
  weight: number;
  re: RegExp;
  /** The prefilter's words for the pattern (null: it always runs). */
  words: number[] | null;
  /** Its branches, each run where its own words are. */
  parts: readonly ScanPart[];
}

/** The cause patterns compiled once per rules: ids, weights, global twins and prefilter words. */
function causeTable(rules: ClassifierRules): [ScoredCause, CausePattern[]][] {
  return derived(rules, 'causeTable', () =>
    (Object.entries(rules.causes) as [ScoredCause, ClassifierRules['causes'][ScoredCause]][]).map(
      ([cause, patterns]) => [
        cause,
        patterns.map((p) => ({
          patternId: `cause.${cause}.${p.id}`,
          weight: p.weight,
          re: p.re,
          words: wordIdsOf(p.re, rules),
          parts: scanPartsOf(p.re, rules),
        })),
      ],
    ),
  );
}

/** Scores each cause: body matches (at most 3 per pattern) plus title matches times the title multiplier. */
export function scoreCauses(post: PreparedPost, rules: ClassifierRules): Map<Cause, CauseScore> {
  const scores = new Map<Cause, CauseScore>();
  const { titleMultiplier, negatedAfter, quoted } = rules.causeRules;
  const seen = postWordsOf(post, rules);
  // Quoted names are services and products ("「メール誤送信対策サービス」"), not what happened.
  const text = post.text.includes('「') ? post.text.replace(globalOf(quoted), '「」') : post.text;
  const shrunk = post.text.length - text.length;
  for (const [cause, patterns] of causeTable(rules)) {
    let score = 0;
    const words: string[] = [];
    const weighed: { hit: PatternHit; weight: number }[] = [];
    for (const pattern of patterns) {
      if (!anySeen(pattern.words, seen.all)) continue;
      const inTitle = anySeen(pattern.words, seen.title)
        ? affirmedMatches(pattern.parts, post.title, negatedAfter, { seen: seen.title, at: null })
        : NONE;
      const inText = anySeen(pattern.words, seen.text)
        ? affirmedMatches(pattern.parts, text, negatedAfter, {
            seen: seen.text,
            at: seen.textAt,
            shrunk,
          })
        : NONE;
      if (inTitle.length + inText.length === 0) continue;
      score +=
        pattern.weight * (Math.min(inText.length, 3) + (inTitle.length > 0 ? titleMultiplier : 0));
      // The title's matches, then the text's: the cause's first three distinct words and the
      // pattern's (the same walk: both keep the first three distinct, in order).
      const distinct: string[] = [];
      for (const list of [inTitle, inText])
        for (const word of list) {
          if (!words.includes(word) && words.length < 3) words.push(word);
          if (distinct.length < 3 && !distinct.includes(word)) distinct.push(word);
        }
      const found = inTitle.length + inText.length;
      weighed.push({
        hit: { patternId: pattern.patternId, words: distinct, count: found },
        weight: pattern.weight * found,
      });
    }
    // The pattern that weighed most comes first: it is the one a reader is shown.
    weighed.sort((a, b) => b.weight - a.weight);
    scores.set(cause, { score, words, hits: weighed.map((w) => w.hit) });
  }
  return scores;
}

/** Checks by id, each run at most once per post on its title and text. */
function checksOf(post: PreparedPost, rules: ClassifierRules) {
  const r = rules.causeRules;
  const text = `${post.title}\n${post.text}`;
  const found = new Map<string, PatternHit | null>();
  return (id: string): PatternHit | null => {
    if (!found.has(id)) {
      const check = r.checks.find((c) => c.id === id);
      const hit =
        check && mayMatch(post, check.re, rules)
          ? hitOf(check, text, 3, check.negatable ? r.negatedAfter : undefined)
          : null;
      found.set(id, hit && { ...hit, patternId: `cause.check.${id}` });
    }
    return found.get(id) ?? null;
  };
}

/** The cause a row decides for `post`, or null where the row does not hold. */
function rowDecides(
  row: CauseRow,
  kind: Kind,
  post: PreparedPost,
  scores: Map<Cause, CauseScore>,
  check: (id: string) => PatternHit | null,
  rules: ClassifierRules,
): Cause | null {
  if (row.kinds && !row.kinds.includes(kind)) return null;
  if (row.needs.some((id) => check(id) === null)) return null;
  if (row.without.some((id) => check(id) !== null)) return null;
  if (!row.among) return row.then ?? null;
  const s = (cause: Cause) => scores.get(cause)?.score ?? 0;
  const candidates: Cause[] =
    row.among === 'any'
      ? [...scores.keys()]
      : row.among === 'title-topic'
        ? [...scores.keys()].filter(
            (c) => s(c) > 0 && rules.causes[c as ScoredCause].some((p) => p.re.test(post.title)),
          )
        : row.among;
  const qualifying = candidates.filter(
    (c) =>
      s(c) > 0 &&
      s(c) >= row.min &&
      row.atLeast.every((o) => s(c) >= s(o)) &&
      row.above.every((o) => s(c) > s(o)),
  );
  const preferred =
    row.prefer &&
    qualifying.includes(row.prefer.cause) &&
    (scores.get(row.prefer.cause)?.hits ?? []).some((h) =>
      h.patternId.endsWith(`.${row.prefer?.pattern}`),
    )
      ? row.prefer.cause
      : undefined;
  // Highest score first; a stable sort keeps the listed order on ties.
  const picked = preferred ?? [...qualifying].sort((a, b) => s(b) - s(a))[0];
  if (!picked) return null;
  if (row.pickedIs && !row.pickedIs.includes(picked)) return null;
  return row.then ?? picked;
}

/** The row's rule id: a row choosing among several causes says which one it chose. */
function ruleIdOf(row: CauseRow, cause: Cause): string {
  const several = row.among === 'any' || (Array.isArray(row.among) && row.among.length > 1);
  return several && !row.then ? `${row.id}.${cause.replaceAll('_', '-')}` : row.id;
}

/** The cause of `post`: the first row of `causeRules.decisions` that holds. */
export function decideCause(post: PreparedPost, kind: Kind, rules: ClassifierRules): CauseDecision {
  const scores = scoreCauses(post, rules);
  const r = rules.causeRules;
  const check = checksOf(post, rules);
  const finish = (row: CauseRow, cause: Cause): CauseDecision => {
    const checkHits = row.needs.map(check).filter((h): h is PatternHit => h !== null);
    // The first three distinct words of the checks' hits and the cause's (loops: once a post,
    // but spreads, flatMap and Sets were a visible share of deciding).
    const evidence: string[] = [];
    const addWord = (word: string) => {
      if (evidence.length < 3 && !evidence.includes(word)) evidence.push(word);
    };
    for (const hit of checkHits) hit.words.forEach(addWord);
    (scores.get(cause)?.words ?? []).forEach(addWord);
    // Attack causes that also scored, highest first (a stable sort: ties keep the scores' order).
    const scored: { cause: Cause; score: number }[] = [];
    scores.forEach((v, c) => {
      if (c !== cause && v.score >= r.secondaryMinScore && r.attackCauses.includes(c))
        scored.push({ cause: c, score: v.score });
    });
    const extra = scored.sort((a, b) => b.score - a.score).map((e) => e.cause);
    const secondaryCauses: Cause[] = [];
    for (const list of [row.secondary, extra])
      for (const c of list)
        if (c !== cause && secondaryCauses.length < 2 && !secondaryCauses.includes(c))
          secondaryCauses.push(c);
    const top = scores.get(cause)?.hits[0] ?? checkHits[0];
    const rule = ruleIdOf(row, cause);
    return {
      cause,
      secondaryCauses,
      scores,
      reason: {
        label: 'cause',
        value: cause,
        rule,
        evidence: cause === 'other' && !row.among ? [] : evidence,
        ...(top ? { patternId: top.patternId, words: top.words, count: top.count } : {}),
        matches: [...checkHits, ...(scores.get(cause)?.hits ?? [])],
      },
      secondaryReasons: secondaryCauses.map((c) => {
        const hit = scores.get(c)?.hits[0];
        return {
          label: 'secondaryCause',
          value: c,
          rule: row.secondary.includes(c) ? `${rule}.secondary` : 'cause.secondary.also-scored',
          evidence: scores.get(c)?.words ?? [],
          ...(hit ? { patternId: hit.patternId, words: hit.words, count: hit.count } : {}),
        };
      }),
    };
  };
  for (const row of r.decisions) {
    const cause = rowDecides(row, kind, post, scores, check, rules);
    if (cause) return finish(row, cause);
  }
  // Unreachable with validated rules (the last row always decides); kept total for safety.
  return finish(r.decisions.at(-1) as CauseRow, 'other');
}
