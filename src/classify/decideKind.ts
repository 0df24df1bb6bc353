/**
 * Kind from the whole post: the evidence groups of the rules turn the post
 * into named facts (disclosure voice, news lead, advisory, regulator, update
 * citation, event…), and the first decision row whose conditions hold
 * decides. Both live in config/classifier.json.
 */
import type { Reason } from './classification.js';
import { decide, type Fact, type Facts } from './decisionRows.js';
import { derived } from './derived.js';
import { hitOf, type NamedPattern, type PatternHit } from './patterns.js';
import { anySeen, postWordsOf, wordIdsOf, type PostWords } from './prefilter.js';
import type { PreparedPost } from './prepare.js';
import { scanPartsOf, type ScanPart } from './branchScan.js';
import type { ClassifierRules, Scope } from './rules.js';
import type { Kind } from './vocabulary.js';

export interface KindDecision {
  kind: Kind;
  reason: Reason;
}

function textOf(post: PreparedPost, scope: Scope): string {
  switch (scope) {
    case 'title':
      return post.heading;
    case 'lead':
      return post.lead;
    case 'head':
      return `${post.heading}\n${post.lead}`;
    case 'text':
      return post.text;
    case 'all':
      return `${post.title}\n${post.text}`;
  }
}

/** Whether a title's first word is an organisation's name (株式会社…, …市, …大学…). */
function titleOpensWithOrganisation(post: PreparedPost, rules: ClassifierRules): boolean {
  const token =
    post.title
      .replace(/【[^】]*】/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  const { orgSuffixes, orgEndings } = rules.facts;
  return (
    token.length > 0 &&
    token.length <= 40 &&
    (orgSuffixes.test(token) ||
      derived(rules, 'orgEndingAtEnd', () => new RegExp(`${orgEndings.source}$`, 'i')).test(token))
  );
}

interface KindGroup {
  max: number;
  negation: RegExp | undefined;
  patterns: {
    pattern: NamedPattern;
    scope: Scope;
    words: number[] | null;
    /** Its branches, each run where its words are. */
    parts: readonly ScanPart[];
    /** Its scope is the text or its lead, where the prefilter says where each word is. */
    inText: boolean;
  }[];
}

/** The evidence groups by fact, compiled once per rules: scopes and prefilter words resolved. */
function kindTable(rules: ClassifierRules): Map<string, KindGroup[]> {
  return derived(rules, 'kindTable', () => {
    const table = new Map<string, KindGroup[]>();
    for (const group of rules.kind.evidence) {
      const source = group.samePatternsAs;
      const patterns = source
        ? (rules.kind.evidence.find((g) => g.fact === source)?.patterns ?? [])
        : group.patterns;
      table.set(group.fact, [
        ...(table.get(group.fact) ?? []),
        {
          max: group.max,
          negation: group.negatable ? rules.causeRules.negatedAfter : undefined,
          patterns: patterns.map((pattern) => {
            const scope = source ? group.in : (pattern.in ?? group.in);
            return {
              pattern,
              scope,
              words: wordIdsOf(pattern.re, rules),
              parts: scanPartsOf(pattern.re, rules),
              inText: scope === 'text' || scope === 'lead',
            };
          }),
        },
      ]);
    }
    return table;
  });
}

/** The words a scope's text can hold: the title's or the text's alone where it is one of them. */
function seenIn(words: PostWords, scope: Scope, headingIsTitle: boolean): Uint8Array {
  if (scope === 'text' || scope === 'lead') return words.text;
  return scope === 'title' && headingIsTitle ? words.title : words.all;
}

/**
 * The facts of `post`, each computed the first time a row asks for it: a
 * tagged post is decided by its first rows and never pays for the rest.
 */
export function lazyKindFacts(post: PreparedPost, rules: ClassifierRules): Facts {
  const cache = new Map<string, Fact>();
  const headingIsTitle = post.heading === post.title;
  // Each scope's text is built once per post, not once per pattern.
  const texts = new Map<Scope, string>();
  const scoped = (scope: Scope) => {
    let text = texts.get(scope);
    if (text === undefined) texts.set(scope, (text = textOf(post, scope)));
    return text;
  };
  const compute = (name: string): Fact => {
    if (name === 'titleOpensWithOrganisation')
      return { count: titleOpensWithOrganisation(post, rules) ? 1 : 0, hits: [] };
    const hits: PatternHit[] = [];
    let total = 0;
    const words = postWordsOf(post, rules);
    for (const group of kindTable(rules).get(name) ?? []) {
      let count = 0;
      for (const pattern of group.patterns) {
        if (count >= group.max) break;
        if (!anySeen(pattern.words, seenIn(words, pattern.scope, headingIsTitle))) continue;
        const text = scoped(pattern.scope);
        const hit = hitOf(pattern.pattern, text, group.max - count, group.negation, pattern.parts, {
          seen: seenIn(words, pattern.scope, headingIsTitle),
          at: pattern.inText ? words.textAt : null,
        });
        if (hit) {
          hits.push(hit);
          count += hit.count;
        }
      }
      total += count;
    }
    return { count: total, hits };
  };
  return {
    get(name: string): Fact {
      let fact = cache.get(name);
      if (!fact) cache.set(name, (fact = compute(name)));
      return fact;
    },
  };
}

/** Every fact of `post` at once (for reports; the classifier itself computes them lazily). */
export function kindFacts(post: PreparedPost, rules: ClassifierRules): Map<string, Fact> {
  const facts = lazyKindFacts(post, rules);
  const names = [...new Set(rules.kind.evidence.map((g) => g.fact)), 'titleOpensWithOrganisation'];
  return new Map(names.map((name) => [name, facts.get(name) as Fact]));
}

/** The kind of `post`, with the row that decided and the patterns that fired. */
export function decideKind(post: PreparedPost, rules: ClassifierRules): KindDecision {
  const facts = lazyKindFacts(post, rules);
  const decision = decide(rules.kind.decisions, facts) ?? {
    rowId: 'kind.no-row',
    value: 'threat_intel' as Kind,
    hits: [],
  };
  // The first four distinct words of the hits, in order (a loop: flatMap and a Set per post cost more).
  const evidence: string[] = [];
  for (const hit of decision.hits) {
    for (const word of hit.words) {
      if (evidence.length < 4 && !evidence.includes(word)) evidence.push(word);
    }
  }
  const first = decision.hits[0];
  return {
    kind: decision.value,
    reason: {
      label: 'kind',
      value: decision.value,
      rule: decision.rowId,
      evidence,
      ...(first ? { patternId: first.patternId, words: first.words, count: first.count } : {}),
      matches: decision.hits,
    },
  };
}
