/**
 * One pass over a post finds which literal words of the rules occur in it
 * (Aho-Corasick over the words of every pattern of the rules); a pattern's
 * regular expression then runs only where one of its words occurred. Broader
 * vocabularies so cost one scan of the post, not one scan per pattern.
 */
import { derived } from './derived.js';
import { literalWordsOf } from './literals.js';
import type { PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';

/**
 * The words indexed by their first two code units. One pass over the text
 * tests each position's pair against a 32 KB bitmap (it stays in the CPU's
 * cache, where a full Aho-Corasick table over ~800 words of ~600 distinct
 * characters takes 5 MB and misses it on nearly every character); only a pair
 * some word starts with is looked up and its words compared in place.
 */
interface Scanner {
  /** Bit h set: some word's first pair hashes to h. */
  pairBits: Uint32Array;
  /** Words by pair hash: entries slotStart[h] .. slotStart[h + 1] hold each word's pair and id. */
  slotStart: Int32Array;
  entryPair: Uint32Array;
  entryWord: Int32Array;
  /** The ids of the one-character words, by code unit (the rules' prefilter has none). */
  single: Map<number, number[]>;
  words: string[];
}

const PAIR_BITS = 1 << 18;
const pairHash = (c0: number, c1: number) => ((c0 * 40503) ^ c1) & (PAIR_BITS - 1);

/** The scanner over `words` (ids are their indexes; ASCII case-blind), with its word count. */
export function scannerOf(words: readonly string[]): { scanner: Scanner; wordCount: number } {
  const folded = words.map((w) => w.toLowerCase());
  const pairBits = new Uint32Array(PAIR_BITS / 32);
  const byHash = new Map<number, [number, number][]>();
  const single = new Map<number, number[]>();
  folded.forEach((word, id) => {
    if (word.length === 0) return;
    const c0 = word.charCodeAt(0);
    if (word.length === 1) {
      single.set(c0, [...(single.get(c0) ?? []), id]);
      return;
    }
    const c1 = word.charCodeAt(1);
    const h = pairHash(c0, c1);
    pairBits[h >>> 5] = (pairBits[h >>> 5] as number) | (1 << (h & 31));
    byHash.set(h, [...(byHash.get(h) ?? []), [c0 * 0x10000 + c1, id]]);
  });
  // Flat arrays instead of a Map: a hit costs two typed-array reads, no hashing of a key.
  const slotStart = new Int32Array(PAIR_BITS + 1);
  const entries: [number, number][] = [];
  for (let h = 0; h < PAIR_BITS; h++) {
    slotStart[h] = entries.length;
    entries.push(...(byHash.get(h) ?? []));
  }
  slotStart[PAIR_BITS] = entries.length;
  return {
    scanner: {
      pairBits,
      slotStart,
      entryPair: Uint32Array.from(entries.map((e) => e[0])),
      entryWord: Int32Array.from(entries.map((e) => e[1])),
      single,
      words: folded,
    },
    wordCount: words.length,
  };
}

interface Prefilter {
  scanner: Scanner;
  /** Per pattern: the ids of its words, or null where it must always run. */
  wordsOf: WeakMap<RegExp, number[] | null>;
  wordCount: number;
}

/** Every regular expression in the rules, wherever it sits (kind, cause, severity, data, counts, facts). */
function regexesIn(value: unknown, into: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) into.push(value);
  else if (Array.isArray(value)) for (const v of value) regexesIn(v, into);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) regexesIn(v, into);
  return into;
}

/** The automaton over the words of every pattern of the rules, built once per rules. */
export function prefilterOf(rules: ClassifierRules): Prefilter {
  return derived(rules, 'prefilter', () => {
    const ids = new Map<string, number>();
    const wordsOf = new WeakMap<RegExp, number[] | null>();
    for (const re of regexesIn(rules)) {
      // A one-character word (件, 市) occurs in nearly every post: such a pattern just runs.
      const needed = literalWordsOf(re.source);
      const words = needed?.every((w) => w.length >= 2) ? needed : null;
      wordsOf.set(
        re,
        words?.map((w) => {
          if (!ids.has(w)) ids.set(w, ids.size);
          return ids.get(w) as number;
        }) ?? null,
      );
    }
    return { ...scannerOf([...ids.keys()]), wordsOf };
  });
}

/** The ids of the words that occur in `text`, in one pass (case-blind for ASCII, as the patterns are). */
export function wordsIn(
  text: string,
  prefilter: Pick<Prefilter, 'scanner' | 'wordCount'>,
  seen: Uint8Array = new Uint8Array(prefilter.wordCount),
): Uint8Array {
  const { pairBits, slotStart, entryPair, entryWord, single, words } = prefilter.scanner;
  const folded = text.toLowerCase();
  const n = folded.length;
  let c1 = n > 0 ? folded.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const c0 = c1;
    c1 = i + 1 < n ? folded.charCodeAt(i + 1) : 0;
    if (single.size > 0) {
      const ids = single.get(c0);
      if (ids) for (const id of ids) seen[id] = 1;
    }
    const h = pairHash(c0, c1);
    if (((pairBits[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
    const pair = c0 * 0x10000 + c1;
    const end = slotStart[h + 1] as number;
    for (let e = slotStart[h] as number; e < end; e++) {
      const id = entryWord[e] as number;
      if (entryPair[e] === pair && seen[id] === 0 && folded.startsWith(words[id] as string, i))
        seen[id] = 1;
    }
  }
  return seen;
}

const perPost = new WeakMap<PreparedPost, Uint8Array>();

/** Which of the rules' words occur in `post` (one pass, remembered per post). */
export function seenWordsOf(post: PreparedPost, rules: ClassifierRules): Uint8Array {
  let seen = perPost.get(post);
  if (!seen) {
    const prefilter = prefilterOf(rules);
    // The heading is the title or the text's first lines: title and text cover it.
    seen = wordsIn(post.text, prefilter, wordsIn(post.title, prefilter));
    perPost.set(post, seen);
  }
  return seen;
}

/** The ids of the words `re` needs (for tables compiled once), or null where it always runs. */
export function wordIdsOf(re: RegExp, rules: ClassifierRules): number[] | null {
  return prefilterOf(rules).wordsOf.get(re) ?? null;
}

/** Whether one of `ids` occurred (null: the pattern has no words to filter by, so it may). */
export function anySeen(ids: readonly number[] | null, seen: Uint8Array): boolean {
  if (ids === null) return true;
  for (let i = 0; i < ids.length; i++) if (seen[ids[i] as number] === 1) return true;
  return false;
}

/**
 * Whether `re` may match somewhere in `post` (title or text): false only when
 * none of its words occur. A pattern the rules do not hold always may.
 */
export function mayMatch(post: PreparedPost, re: RegExp, rules: ClassifierRules): boolean {
  const words = prefilterOf(rules).wordsOf.get(re);
  return words ? anySeen(words, seenWordsOf(post, rules)) : true;
}
