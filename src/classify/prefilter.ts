/**
 * One pass over a post finds which literal words of the rules occur in it
 * (Aho-Corasick over the words of every kind and cause pattern); a pattern's
 * regular expression then runs only where one of its words occurred. Broader
 * vocabularies so cost one scan of the post, not one scan per pattern.
 */
import { derived } from './derived.js';
import { literalWordsOf } from './literals.js';
import type { PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';

interface Automaton {
  /** Column of each code unit that occurs in a word (ASCII letters folded to lower case). */
  column: Map<number, number>;
  columns: number;
  /** The full transition table, fail links resolved: next state = delta[state * columns + column]. */
  delta: Int32Array;
  /** Per state: the ids of the words that end here (own and by fail links). */
  out: number[][];
}

const fold = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** An Aho-Corasick automaton over `words` (ids are their indexes), with its word count. */
export function scannerOf(words: readonly string[]): { automaton: Automaton; wordCount: number } {
  return { automaton: build(words.map((w) => w.toLowerCase())), wordCount: words.length };
}

function build(words: readonly string[]): Automaton {
  const column = new Map<number, number>();
  for (const word of words)
    for (let i = 0; i < word.length; i++) {
      const code = fold(word.charCodeAt(i));
      if (!column.has(code)) column.set(code, column.size);
    }
  const columns = Math.max(1, column.size);
  // The trie first, then breadth-first fail links that fill every missing transition.
  const trie: number[][] = [[]];
  const out: number[][] = [[]];
  words.forEach((word, id) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const col = column.get(fold(word.charCodeAt(i))) as number;
      let to = trie[state]?.[col];
      if (to === undefined) {
        to = trie.length;
        trie.push([]);
        out.push([]);
        (trie[state] as number[])[col] = to;
      }
      state = to;
    }
    out[state]?.push(id);
  });
  const delta = new Int32Array(trie.length * columns);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (let col = 0; col < columns; col++) {
    const to = trie[0]?.[col];
    if (to !== undefined) {
      delta[col] = to;
      queue.push(to);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const f = fail[state] as number;
    out[state] = [...(out[state] ?? []), ...(out[f] ?? [])];
    for (let col = 0; col < columns; col++) {
      const to = trie[state]?.[col];
      if (to === undefined) delta[state * columns + col] = delta[f * columns + col] as number;
      else {
        delta[state * columns + col] = to;
        fail[to] = delta[f * columns + col] as number;
        queue.push(to);
      }
    }
  }
  return { column, columns, delta, out };
}

interface Prefilter {
  automaton: Automaton;
  /** Per pattern: the ids of its words, or null where it must always run. */
  wordsOf: WeakMap<RegExp, number[] | null>;
  wordCount: number;
}

/** The automaton over every kind and cause pattern's words, built once per rules. */
export function prefilterOf(rules: ClassifierRules): Prefilter {
  return derived(rules, 'prefilter', () => {
    const ids = new Map<string, number>();
    const wordsOf = new WeakMap<RegExp, number[] | null>();
    const patterns = [
      ...rules.kind.evidence.flatMap((g) => g.patterns.map((p) => p.re)),
      ...Object.values(rules.causes).flatMap((ps) => ps.map((p) => p.re)),
    ];
    for (const re of patterns) {
      const words = literalWordsOf(re.source);
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
  prefilter: Pick<Prefilter, 'automaton' | 'wordCount'>,
): Uint8Array {
  const { column, columns, delta, out } = prefilter.automaton;
  const seen = new Uint8Array(prefilter.wordCount);
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const col = column.get(fold(text.charCodeAt(i)));
    // A code unit no word contains sends the scan back to the root.
    state = col === undefined ? 0 : (delta[state * columns + col] as number);
    const ended = out[state] as number[];
    for (let k = 0; k < ended.length; k++) seen[ended[k] as number] = 1;
  }
  return seen;
}

const perPost = new WeakMap<PreparedPost, Uint8Array>();

/** Whether `re` may match somewhere in `post` (title or text): false only when none of its words occur. */
export function mayMatch(post: PreparedPost, re: RegExp, rules: ClassifierRules): boolean {
  const prefilter = prefilterOf(rules);
  const words = prefilter.wordsOf.get(re);
  if (!words) return true;
  let seen = perPost.get(post);
  if (!seen) {
    seen = wordsIn(`${post.title}\n${post.heading}\n${post.text}`, prefilter);
    perPost.set(post, seen);
  }
  return words.some((id) => seen[id] === 1);
}
