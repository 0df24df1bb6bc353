/**
 * Where in a post's text a pattern can match, from where the prefilter saw its words:
 * every match holds one of them and is at most `maxMatchLength` long, so no match starts
 * before the first occurrence less that length, nor ends after the last occurrence plus
 * it. A scan confined to that window finds exactly the matches a scan of the whole text
 * finds: from its start for any pattern (the text is the same, only the first position
 * tried moves), and on a slice of the text where the pattern reads nothing around its
 * match (`isContextFree`), so that a failing scan stops at the window's end.
 */
import { derived } from './derived.js';
import { maxMatchLength } from './matchLength.js';
import { isContextFree, postWordsOf, prefilterOf, type WordPositions } from './prefilter.js';
import { globalOf, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';

/** What bounds a pattern's matches: its words, its longest match, whether it reads context. */
export interface WindowBounds {
  words: readonly number[];
  maxLength: number;
  contextFree: boolean;
  /** Some word holds 「 or 」, which quoting a name in the text can create or remove. */
  quoteWords: boolean;
}

/** A stretch of a text to scan: `text` from `from`, where index `offset` of it is the text's. */
export interface ScanWindow {
  text: string;
  from: number;
  offset: number;
}

/** The bounds of `re`, or null where the prefilter has no words for it or its length is unbounded. */
export function boundsOf(re: RegExp, rules: ClassifierRules): WindowBounds | null {
  const table = derived(rules, 'windowBounds', () => new WeakMap<RegExp, WindowBounds | null>());
  let bounds = table.get(re);
  if (bounds === undefined) {
    bounds = boundsFor(re, prefilterOf(rules).wordsOf.get(re) ?? null, rules);
    table.set(re, bounds);
  }
  return bounds;
}

/** The bounds of `re` gated by the prefilter's words `ids` (null: no words, or unbounded). */
export function boundsFor(
  re: RegExp,
  ids: readonly number[] | null,
  rules: ClassifierRules,
): WindowBounds | null {
  const maxLength = maxMatchLength(re.source);
  if (!ids || !Number.isFinite(maxLength)) return null;
  const { words } = prefilterOf(rules);
  return {
    words: ids,
    maxLength,
    contextFree: isContextFree(re),
    quoteWords: ids.some((id) => /[「」]/.test(words[id] ?? '「')),
  };
}

/**
 * The stretch [from, to) of the text where every match of `bounds`'s pattern lies, in the
 * text or in any piece of it (a match holds one of the words, whose occurrence in a piece
 * is one in the text); null where the positions or bounds cannot say.
 */
export function spanIn(
  at: WordPositions | null,
  bounds: WindowBounds | null,
): { from: number; to: number } | null {
  if (!at || !bounds) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const id of bounds.words) {
    const start = at.first[id] as number;
    if (start < 0) continue;
    if (start < first) first = start;
    const end = at.last[id] as number;
    if (end > last) last = end;
  }
  return last < 0 ? null : { from: first - bounds.maxLength, to: last + bounds.maxLength };
}

const WHOLE_FROM_ZERO = (text: string): ScanWindow => ({ text, from: 0, offset: 0 });

/**
 * The stretch of `text` to scan for `bounds`'s pattern. `text` is the post's text, or a
 * copy of it with `shrunk` code units fewer where quoted names were cut short (every
 * word outside a quote then sits at most `shrunk` earlier than in the text, never later).
 */
export function windowIn(
  text: string,
  at: WordPositions | null,
  bounds: WindowBounds | null,
  shrunk = 0,
): ScanWindow {
  if (shrunk > 0 && bounds?.quoteWords) return WHOLE_FROM_ZERO(text);
  const span = spanIn(at, bounds);
  if (!span || !bounds) return WHOLE_FROM_ZERO(text);
  const from = Math.max(0, span.from - shrunk);
  const to = Math.min(text.length, span.to);
  if (!bounds.contextFree) return { text, from, offset: 0 };
  return from === 0 && to === text.length
    ? WHOLE_FROM_ZERO(text)
    : { text: text.slice(from, to), from: 0, offset: from };
}

/**
 * The stretch of `text` where `re` can match: `text` is `post.text`, a prefix of it (the
 * lead), or a copy `shrunk` code units shorter where quoted names were cut (see `windowIn`).
 */
export function textWindowOf(
  post: PreparedPost,
  re: RegExp,
  rules: ClassifierRules,
  text = post.text,
  shrunk = 0,
): ScanWindow {
  return windowIn(text, postWordsOf(post, rules).textAt, boundsOf(re, rules), shrunk);
}

/** Whether `re` matches in `window` (with its global twin, from the window's start). */
export function occursIn(re: RegExp, window: ScanWindow): boolean {
  const g = globalOf(re);
  g.lastIndex = window.from;
  const found = g.exec(window.text) !== null;
  g.lastIndex = 0;
  return found;
}
