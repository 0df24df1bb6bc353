/**
 * One pass over a post finds which literal words of the rules occur in it
 * (Aho-Corasick over the words of every pattern of the rules); a pattern's
 * regular expression then runs only where one of its words occurred. Broader
 * vocabularies so cost one scan of the post, not one scan per pattern.
 */
import { derived } from './derived.js';
import { gateWordsOf, secondGateWordsOf, separableBranchesOf } from './literals.js';
import type { PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';

/**
 * The words as tries rooted at their first two code units. One pass over the
 * text tests each position's pair against a 32 KB bitmap (it stays in the
 * CPU's cache, where a full Aho-Corasick table over ~800 words of ~600
 * distinct characters takes 5 MB and misses it on nearly every character);
 * only at a pair some word starts with does the scan walk that pair's trie
 * along the text, marking each word it completes. A walk reads each following
 * character once for all the words sharing the pair (不正, 不正アクセス,
 * 不正ログイン…), where comparing every word in place cost one call per word.
 */
interface Scanner {
  /** Bit h set: some word's first pair hashes to h. */
  pairBits: Uint32Array;
  /**
   * Roots by pair, open-addressed from `rootSlot(pair, rootBits)`: rootPair[slot] is the pair
   * and rootNode[slot] its node, 0 where the slot is free (node 0 is unused).
   */
  rootBits: number;
  rootPair: Int32Array;
  rootNode: Int32Array;
  /** Per node: its children's code units and nodes at childStart[n] .. childStart[n + 1]. */
  childStart: Int32Array;
  childUnit: Uint16Array;
  childNode: Int32Array;
  /** Per node: the ids of the words it completes, at wordStart[n] .. wordStart[n + 1]. */
  wordStart: Int32Array;
  wordIds: Int32Array;
  /** The ids of the one-character words, by code unit (the rules' prefilter has none). */
  single: Map<number, number[]>;
  /**
   * Every word's code units are ASCII or caseless (kana, kanji, punctuation): folding the
   * text's ASCII letters alone finds the words `toLowerCase` would, at the same positions.
   */
  asciiFold: boolean;
  /**
   * Where a scan that records no positions writes them: the walk then stores unconditionally
   * (a test per completed word made the whole scan ~15% slower).
   */
  scratch: WordPositions;
}

const PAIR_BITS = 1 << 18;
const pairHash = (c0: number, c1: number) => (Math.imul(c0, 40503) ^ c1) & (PAIR_BITS - 1);
/** A pair's first slot in the roots' table of 2^bits slots. */
const rootSlot = (pair: number, bits: number) => Math.imul(pair, 0x9e3779b1) >>> (32 - bits);

/** Whether every code unit of `word` is ASCII or has no case (so only ASCII needs folding). */
function foldsAsAscii(word: string): boolean {
  for (const unit of word) {
    if (unit.charCodeAt(0) < 0x80) continue;
    if (unit.toLowerCase() !== unit || unit.toUpperCase() !== unit) return false;
  }
  return true;
}

/** The scanner over `words` (ids are their indexes; ASCII case-blind), with its word count. */
export function scannerOf(words: readonly string[]): { scanner: Scanner; wordCount: number } {
  const folded = words.map((w) => w.toLowerCase());
  const pairBits = new Uint32Array(PAIR_BITS / 32);
  const single = new Map<number, number[]>();
  // The tries, built with maps, then laid out flat: node 0 is unused, roots are keyed by pair.
  const children: Map<number, number>[] = [new Map()];
  const completes: number[][] = [[]];
  const roots = new Map<number, number>();
  const newNode = () => (children.push(new Map()), completes.push([]), children.length - 1);
  folded.forEach((word, id) => {
    if (word.length === 0) return;
    const c0 = word.charCodeAt(0);
    if (word.length === 1) {
      single.set(c0, [...(single.get(c0) ?? []), id]);
      return;
    }
    const pair = (c0 << 16) | word.charCodeAt(1);
    let node: number = roots.get(pair) ?? 0;
    if (node === 0) roots.set(pair, (node = newNode()));
    for (let i = 2; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      let next: number = children[node]?.get(unit) ?? 0;
      if (next === 0) children[node]?.set(unit, (next = newNode()));
      node = next;
    }
    completes[node]?.push(id);
  });
  for (const pair of roots.keys()) {
    const h = pairHash(pair >>> 16, pair & 0xffff);
    pairBits[h >>> 5] = (pairBits[h >>> 5] as number) | (1 << (h & 31));
  }
  // The roots in an open-addressed table of a few KB: a table indexed by the bitmap's hash
  // (1 MB) missed the cache on nearly every walk.
  let rootBits = 4;
  while (1 << rootBits < 4 * roots.size) rootBits++;
  const rootPair = new Int32Array(1 << rootBits);
  const rootNode = new Int32Array(1 << rootBits);
  for (const [pair, node] of roots) {
    let slot = rootSlot(pair, rootBits);
    while (rootNode[slot] !== 0) slot = (slot + 1) & ((1 << rootBits) - 1);
    rootPair[slot] = pair;
    rootNode[slot] = node;
  }
  const nodes = children.length;
  const childStart = new Int32Array(nodes + 1);
  const wordStart = new Int32Array(nodes + 1);
  const units: number[] = [];
  const next: number[] = [];
  const ids: number[] = [];
  for (let n = 0; n < nodes; n++) {
    childStart[n] = units.length;
    for (const [unit, child] of children[n] ?? []) {
      units.push(unit);
      next.push(child);
    }
    wordStart[n] = ids.length;
    ids.push(...(completes[n] ?? []));
  }
  childStart[nodes] = units.length;
  wordStart[nodes] = ids.length;
  return {
    scanner: {
      pairBits,
      rootBits,
      rootPair,
      rootNode,
      childStart,
      childUnit: Uint16Array.from(units),
      childNode: Int32Array.from(next),
      wordStart,
      wordIds: Int32Array.from(ids),
      single,
      asciiFold: folded.every(foldsAsAscii),
      scratch: { first: new Int32Array(words.length), last: new Int32Array(words.length) },
    },
    wordCount: words.length,
  };
}

interface Prefilter {
  scanner: Scanner;
  /** Per pattern: the ids of its words, or null where it must always run. */
  wordsOf: WeakMap<RegExp, number[] | null>;
  /** The words by id. */
  words: string[];
  /** The ids by word. */
  idOf: ReadonlyMap<string, number>;
  wordCount: number;
}

/** Every regular expression in the rules, wherever it sits (kind, cause, severity, data, counts, facts). */
export function regexesIn(value: unknown, into: RegExp[] = []): RegExp[] {
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
    const register = (source: string) =>
      filterWordsOf(source)?.map((w) => {
        if (!ids.has(w)) ids.set(w, ids.size);
        return ids.get(w) as number;
      }) ?? null;
    const registerSecond = (source: string) =>
      (secondGateWordsOf(source) ?? []).forEach((w) => {
        if (!ids.has(w)) ids.set(w, ids.size);
      });
    for (const re of regexesIn(rules)) {
      wordsOf.set(re, register(re.source));
      registerSecond(re.source);
      // Each branch run on its own needs its own words (`branchScan.ts`).
      for (const branch of separableBranchesOf(re) ?? []) {
        register(branch);
        registerSecond(branch);
      }
    }
    const words = [...ids.keys()];
    return { ...scannerOf(words), wordsOf, words, idOf: ids };
  });
}

/** The words the prefilter gates `source` by, or null where it must always run. */
export function filterWordsOf(source: string): string[] | null {
  // A one-character word (件, 市) occurs in nearly every post: such a pattern just runs,
  // unless its finite runs give longer words (当社/本社… then を装: `gateWordsOf`).
  return gateWordsOf(source);
}

/**
 * Where each word occurs in a text: the start of its first and of its last occurrence
 * (-1 where it does not occur), in code units of the text as given.
 */
export interface WordPositions {
  first: Int32Array;
  last: Int32Array;
}

/**
 * The ids of the words that occur in `text`, in one pass (case-blind for ASCII, as the
 * patterns are). With `positions`, also where each word first and last starts, where the
 * scanner folds ASCII alone (a lower-cased copy may differ in length from the text, and
 * then its positions would not be the text's): `positionsFor` says whether it does.
 */
export function wordsIn(
  text: string,
  prefilter: Pick<Prefilter, 'scanner' | 'wordCount'>,
  seen: Uint8Array = new Uint8Array(prefilter.wordCount),
  positions?: WordPositions,
): Uint8Array {
  const s = prefilter.scanner;
  // ASCII letters folded as the scan reads them: no lower-cased copy (ICU) of the text.
  if (!s.asciiFold) return scanText(s, text.toLowerCase(), false, seen, undefined);
  return scanText(s, text, true, seen, positions);
}

/** The scan of `wordsIn`: `fold` folds ASCII letters as read; `at` records where words start. */
function scanText(
  s: Scanner,
  text: string,
  fold: boolean,
  seen: Uint8Array,
  at: WordPositions | undefined,
): Uint8Array {
  if (s.single.size > 0) scanSingles(s, text, fold, seen, at);
  const { pairBits, rootBits, rootPair, rootNode, childStart, childUnit, childNode } = s;
  const rootMask = (1 << rootBits) - 1;
  const { wordStart, wordIds } = s;
  const { first, last } = at ?? s.scratch;
  const n = text.length;
  if (n < 2) return seen;
  // Only positions with a following code unit can start a word of two or more: the loop
  // stops one short of the end, so it needs no test of its own for the next unit.
  let c1 = text.charCodeAt(0);
  if (fold && c1 >= 0x41 && c1 <= 0x5a) c1 += 0x20;
  for (let i = 0; i + 1 < n; i++) {
    const c0 = c1;
    c1 = text.charCodeAt(i + 1);
    if (fold && c1 >= 0x41 && c1 <= 0x5a) c1 += 0x20;
    const h = (Math.imul(c0, 40503) ^ c1) & (PAIR_BITS - 1);
    if (((pairBits[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
    const pair = (c0 << 16) | c1;
    let slot = rootSlot(pair, rootBits);
    let node = rootNode[slot] as number;
    while (node !== 0 && rootPair[slot] !== pair) {
      slot = (slot + 1) & rootMask;
      node = rootNode[slot] as number;
    }
    if (node === 0) continue;
    // Walk the pair's trie along the text, marking every word a node completes.
    for (let j = i + 2; ; j++) {
      const lastWord = wordStart[node + 1] as number;
      for (let w = wordStart[node] as number; w < lastWord; w++) {
        const id = wordIds[w] as number;
        seen[id] = 1;
        if ((first[id] as number) < 0) first[id] = i;
        last[id] = i;
      }
      if (j >= n) break;
      let unit = text.charCodeAt(j);
      if (fold && unit >= 0x41 && unit <= 0x5a) unit += 0x20;
      // The child for `unit`, if any: a plain loop over the node's few children.
      let k = childStart[node] as number;
      const lastChild = childStart[node + 1] as number;
      while (k < lastChild && childUnit[k] !== unit) k++;
      if (k === lastChild) break;
      node = childNode[k] as number;
    }
  }
  return seen;
}

/** The one-character words of `wordsIn` (the rules' prefilter has none: such a word gates nothing). */
function scanSingles(
  s: Scanner,
  text: string,
  fold: boolean,
  seen: Uint8Array,
  at: WordPositions | undefined,
): void {
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (fold && unit >= 0x41 && unit <= 0x5a) unit += 0x20;
    const ids = s.single.get(unit);
    if (ids)
      for (const id of ids) {
        seen[id] = 1;
        if (at) {
          if ((at.first[id] as number) < 0) at.first[id] = i;
          at.last[id] = i;
        }
      }
  }
}

/** Whether `wordsIn` records positions with this prefilter (it folds ASCII alone). */
export function positionsFor(prefilter: Pick<Prefilter, 'scanner'>): boolean {
  return prefilter.scanner.asciiFold;
}

/** The words seen in a post: in its title, in its text, and in either. */
export interface PostWords {
  title: Uint8Array;
  text: Uint8Array;
  all: Uint8Array;
  /** Where each word occurs in the text (null where the scanner cannot say). */
  textAt: WordPositions | null;
}

const perPost = new WeakMap<PreparedPost, PostWords>();

// The post last looked up and its tables: the classifier asks ~50 times a post for the same
// post's words, so the WeakMap lookup is skipped where it repeats. Cleared with the post's
// entry in `perPost`, so that it never outlives it.
let lastPost: PreparedPost | null = null;
let lastWords: PostWords | null = null;

/**
 * The tables of the post a `withPostWords` call classifies: one set per prefilter, reused
 * from post to post (an ArrayBuffer of 2,000+ words' tables cost ~10 µs to allocate, most
 * of it the collector's accounting of external memory, against ~1 µs to clear).
 */
interface PostTablesPool {
  /** The five views on one buffer, made once: five new typed-array views a post cost more than clearing. */
  tables: PostTables;
  owner: PreparedPost | null;
}

function poolOf(prefilter: Prefilter): PostTablesPool {
  let pool = pools.get(prefilter);
  if (!pool) {
    const buffer = new ArrayBuffer(prefilter.wordCount * 11);
    pool = { tables: viewsOf(prefilter.wordCount, buffer), owner: null };
    pools.set(prefilter, pool);
  }
  return pool;
}

const pools = new WeakMap<Prefilter, PostTablesPool>();

/**
 * Runs `work` with `post`'s word tables in the reused buffer; they are dropped when it
 * returns, so nothing of `post`'s may be kept past `work` (the classifier's post, which
 * never leaves `classifyPost`). Nested or re-entered, the post's tables are its own.
 */
export function withPostWords<T>(post: PreparedPost, rules: ClassifierRules, work: () => T): T {
  const pool = poolOf(prefilterOf(rules));
  if (pool.owner !== null || perPost.has(post)) return work();
  pool.owner = post;
  try {
    return work();
  } finally {
    pool.owner = null;
    perPost.delete(post);
    if (lastPost === post) lastPost = lastWords = null;
  }
}

interface PostTables {
  first: Int32Array;
  last: Int32Array;
  text: Uint8Array;
  title: Uint8Array;
  all: Uint8Array;
}

/** The five tables of a post's words laid out in `buffer`. */
function viewsOf(count: number, buffer: ArrayBuffer): PostTables {
  return {
    first: new Int32Array(buffer, 0, count),
    last: new Int32Array(buffer, 4 * count, count),
    text: new Uint8Array(buffer, 8 * count, count),
    title: new Uint8Array(buffer, 9 * count, count),
    all: new Uint8Array(buffer, 10 * count, count),
  };
}

/** The five tables of a post's words, the pool's (cleared) or in a buffer of their own. */
function tablesOf(count: number, pool: PostTablesPool | null): PostTables {
  if (pool === null) {
    const tables = viewsOf(count, new ArrayBuffer(count * 11));
    tables.first.fill(-1);
    return tables;
  }
  const { tables } = pool;
  tables.first.fill(-1);
  // `last` is read only where `first` says the word occurs, so it needs no clearing; `all`
  // is overwritten with the text's words.
  tables.text.fill(0);
  tables.title.fill(0);
  return tables;
}

/**
 * Which of the rules' words occur in `post`'s title and text (one pass over each,
 * remembered per post). A pattern run on the title alone needs its words in the title,
 * one run on the text in the text: a word no match can lack is in the string matched.
 */
export function postWordsOf(post: PreparedPost, rules: ClassifierRules): PostWords {
  if (post === lastPost && lastWords !== null) return lastWords;
  let words = perPost.get(post);
  if (!words) {
    const prefilter = prefilterOf(rules);
    const pool = poolOf(prefilter);
    const tables = tablesOf(prefilter.wordCount, pool.owner === post ? pool : null);
    const textAt = positionsFor(prefilter) ? { first: tables.first, last: tables.last } : null;
    const text = wordsIn(post.text, prefilter, tables.text, textAt ?? undefined);
    const title = wordsIn(post.title, prefilter, tables.title);
    // The heading is the title or the text's first lines: title and text cover it. The
    // title scanned again onto the text's words is cheaper than or-ing every word.
    const all = tables.all;
    all.set(text);
    wordsIn(post.title, prefilter, all);
    words = { title, text, all, textAt };
    perPost.set(post, words);
  }
  lastPost = post;
  lastWords = words;
  return words;
}

/** Which of the rules' words occur in `post`, title or text (one pass, remembered per post). */
export function seenWordsOf(post: PreparedPost, rules: ClassifierRules): Uint8Array {
  return postWordsOf(post, rules).all;
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

const contextFree = new WeakMap<RegExp, boolean>();

/**
 * Whether every match of `re` in a piece of a text is also a match in the whole text:
 * true where the pattern reads nothing around its match (no ^, $, \b, \B, lookaround),
 * judged from its source with character classes and escapes set aside (in doubt: false).
 */
export function isContextFree(re: RegExp): boolean {
  let free = contextFree.get(re);
  if (free === undefined) {
    const bare = re.source.replace(/\\[bB]/g, '^').replace(/\\.|\[(?:\\.|[^\]\\])*\]/g, 'x');
    free = !/[\^$]|\(\?<?[=!]/.test(bare);
    contextFree.set(re, free);
  }
  return free;
}
