/**
 * Aho-Corasick over watched names, as in src/classify/prefilter.ts but with sparse transitions:
 * 10,000 Japanese names use thousands of distinct characters, too many for a full table.
 * One pass over a text finds every name it contains.
 */
export interface WatchAutomaton {
  /** Per state: character code → next state (the trie's edges only). */
  next: Array<Map<number, number>>;
  fail: Int32Array;
  /** Per state: the ids of the words that end here, own and by fail links. */
  out: number[][];
}

/** The automaton over `words` (ids are their indexes; empty words are ignored). */
export function buildWatchAutomaton(words: readonly string[]): WatchAutomaton {
  const next: Array<Map<number, number>> = [new Map()];
  const out: number[][] = [[]];
  words.forEach((word, id) => {
    if (word.length === 0) return;
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let to = next[state]?.get(code);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        out.push([]);
        next[state]?.set(code, to);
      }
      state = to;
    }
    out[state]?.push(id);
  });
  const fail = new Int32Array(next.length);
  const queue: number[] = [...(next[0] as Map<number, number>).values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    for (const [code, to] of next[state] as Map<number, number>) {
      let f = fail[state] as number;
      while (f !== 0 && !next[f]?.has(code)) f = fail[f] as number;
      const target = next[f]?.get(code);
      fail[to] = target !== undefined && target !== to ? target : 0;
      (out[to] as number[]).push(...(out[fail[to] as number] as number[]));
      queue.push(to);
    }
  }
  return { next, fail, out };
}

/** The ids of the words that occur in `text`, each once. */
export function wordsIn(automaton: WatchAutomaton, text: string): Set<number> {
  const found = new Set<number>();
  const { next, fail, out } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let to = next[state]?.get(code);
    while (to === undefined && state !== 0) {
      state = fail[state] as number;
      to = next[state]?.get(code);
    }
    state = to ?? 0;
    for (const id of out[state] as number[]) found.add(id);
  }
  return found;
}
