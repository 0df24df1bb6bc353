/**
 * A pattern scanned as its top-level branches, each only where its own words occur and
 * within its own window. A long alternation (`元…従業員…|不正(に|な)持ち出…|独断|…`, 30
 * branches) is gated by the prefilter as a whole: one common word among its branches
 * (社員) lets every branch be tried at every position of the post. Run one by one, the
 * branches whose words the post lacks are not run at all, and each of the others scans
 * only the stretch its own words and longest match allow.
 *
 * The matches are the same: at a position, the whole pattern takes its first branch that
 * matches there, so its leftmost match from a point is the leftmost of its branches'
 * (ties to the earlier branch), and a branch whose leftmost match lies at or beyond the
 * next point keeps it; a branch can only be split off where no back-reference ties it to
 * the others (`separableBranchesOf`).
 */
import { derived } from './derived.js';
import { secondGateWordsOf, separableBranchesOf } from './literals.js';
import {
  anySeen,
  filterWordsOf,
  isContextFree,
  postWordsOf,
  prefilterOf,
  wordIdsOf,
  type WordPositions,
} from './prefilter.js';
import { globalOf, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import {
  boundsFor,
  boundsOf,
  spanIn,
  windowIn,
  type ScanWindow,
  type WindowBounds,
} from './scanWindow.js';

/** One branch of a pattern (or the whole pattern where it is not split), compiled once. */
export interface ScanPart {
  global: RegExp;
  /** The prefilter's words for it (null: it always runs). */
  words: readonly number[] | null;
  /** Words of a second group every match also holds (`secondGateWordsOf`), or null. */
  also?: readonly number[] | null;
  /** Where in the post's text its matches can lie. */
  bounds: WindowBounds | null;
}

/** What a scan knows of the text it scans: the words seen in it and, in the post's text, where. */
export interface ScanGate {
  seen: Uint8Array;
  /** Where each word occurs in the post's text, when the text scanned is it or its prefix. */
  at: WordPositions | null;
  /** Code units a copy of the text lost where quoted names were cut (see `windowIn`). */
  shrunk?: number;
}

/** The parts `re` is scanned as: its separable branches, or itself. */
export function scanPartsOf(re: RegExp, rules: ClassifierRules): readonly ScanPart[] {
  const table = derived(rules, 'scanParts', () => new WeakMap<RegExp, readonly ScanPart[]>());
  let parts = table.get(re);
  if (!parts) {
    parts = partsOf(re, rules);
    table.set(re, parts);
  }
  return parts;
}

function partsOf(re: RegExp, rules: ClassifierRules): readonly ScanPart[] {
  const branches = separableBranchesOf(re);
  const { idOf } = prefilterOf(rules);
  // A pattern outside the rules has no words in the prefilter: its branches always run.
  const idsOf = (words: string[] | null) => {
    const ids = words?.map((w) => idOf.get(w)) ?? null;
    return ids?.every((id) => id !== undefined) ? (ids as number[]) : null;
  };
  if (!branches) {
    const words = wordIdsOf(re, rules);
    const also = words ? idsOf(secondGateWordsOf(re.source)) : null;
    return [{ global: globalOf(re), words, also, bounds: boundsOf(re, rules) }];
  }
  return branches.map((source) => {
    const branch = new RegExp(source, re.flags);
    const words = idsOf(filterWordsOf(source));
    const also = words ? idsOf(secondGateWordsOf(source)) : null;
    return { global: globalOf(branch), words, also, bounds: boundsFor(branch, words, rules) };
  });
}

/** Whether `part` may match in a text whose words are `seen`: one of its words, and of its second group. */
function mayRun(part: ScanPart, seen: Uint8Array): boolean {
  return anySeen(part.words, seen) && (part.also == null || anySeen(part.also, seen));
}

/** Receives each match (its index in the text scanned and its text); false stops the scan. */
export type MatchVisitor = (index: number, matched: string) => boolean;

const WHOLE = (text: string): ScanWindow => ({ text, from: 0, offset: 0 });

/**
 * Visits every match of the pattern made of `parts` in `text`, in order, as a scan of the
 * whole text with the whole pattern's global twin finds them. Without `gate` every part
 * runs on the whole text.
 */
export function forEachMatch(
  parts: readonly ScanPart[],
  text: string,
  gate: ScanGate | null,
  visit: MatchVisitor,
): void {
  if (parts.length === 1) {
    const part = parts[0] as ScanPart;
    if (!gate || mayRun(part, gate.seen))
      scanOne(
        part.global,
        gate ? windowIn(text, gate.at, part.bounds, gate.shrunk) : WHOLE(text),
        visit,
      );
    return;
  }
  mergeBranches(parts, text, gate, visit);
}

/** Every match of `global` in `window`, in order. */
function scanOne(global: RegExp, window: ScanWindow, visit: MatchVisitor): void {
  const scanned = window.text;
  global.lastIndex = window.from;
  for (let match = global.exec(scanned); match !== null; match = global.exec(scanned)) {
    if (match[0].length === 0) global.lastIndex++;
    if (!visit(window.offset + match.index, match[0])) break;
  }
  global.lastIndex = 0;
}

/**
 * The branches' matches merged: each live branch holds its leftmost match from the current
 * point; the leftmost of them (the earlier branch on a tie) is the pattern's next match, and
 * the branches whose match starts before the point after it look again from there.
 */
function mergeBranches(
  parts: readonly ScanPart[],
  text: string,
  gate: ScanGate | null,
  visit: MatchVisitor,
): void {
  const live: RegExp[] = [];
  const windows: ScanWindow[] = [];
  for (const part of parts) {
    if (gate && !mayRun(part, gate.seen)) continue;
    live.push(part.global);
    windows.push(gate ? windowIn(text, gate.at, part.bounds, gate.shrunk) : WHOLE(text));
  }
  const starts = new Array<number>(live.length).fill(-1);
  const found = new Array<string>(live.length).fill('');
  const look = (j: number, from: number) => {
    const window = windows[j] as ScanWindow;
    const global = live[j] as RegExp;
    const local = Math.max(window.from, from - window.offset);
    starts[j] = -1;
    if (local > window.text.length) return;
    global.lastIndex = local;
    const match = global.exec(window.text);
    global.lastIndex = 0;
    if (match === null) return;
    starts[j] = window.offset + match.index;
    found[j] = match[0];
  };
  for (let j = 0; j < live.length; j++) look(j, 0);
  for (;;) {
    let best = -1;
    for (let j = 0; j < live.length; j++) {
      const start = starts[j] as number;
      if (start >= 0 && (best < 0 || start < (starts[best] as number))) best = j;
    }
    if (best < 0) return;
    const index = starts[best] as number;
    const matched = found[best] as string;
    if (!visit(index, matched)) return;
    const next = index + (matched.length === 0 ? 1 : matched.length);
    for (let j = 0; j < live.length; j++) {
      const start = starts[j] as number;
      if (start >= 0 && start < next) look(j, next);
    }
  }
}

/** A match's place in the string it was found in, and its text. */
export interface FoundMatch {
  index: number;
  0: string;
}

/**
 * Whether `re` can match nowhere in `post`'s text, nor so in any sentence or line of it:
 * none of its branches' words occur, or the pattern reads nothing around its match and
 * matches nowhere in the whole text (one branch scan instead of one test per sentence).
 */
export function holdsNowhereInText(
  post: PreparedPost,
  re: RegExp,
  rules: ClassifierRules,
): boolean {
  const words = postWordsOf(post, rules);
  const parts = scanPartsOf(re, rules);
  if (!parts.some((part) => mayRun(part, words.text))) return true;
  if (!isContextFree(re)) return false;
  let found = false;
  forEachMatch(parts, post.text, { seen: words.text, at: words.textAt }, () => {
    found = true;
    return false;
  });
  return !found;
}

/**
 * The first match of `re` in sentence i of `post` (`post.sentences[i]`), as `re.exec` gives
 * it: only the branches whose words the post holds and whose window reaches the sentence
 * run on it, and the leftmost of their first matches (the earlier branch on a tie) is the
 * pattern's.
 */
export function sentenceMatcher(
  post: PreparedPost,
  re: RegExp,
  rules: ClassifierRules,
): (i: number) => FoundMatch | null {
  const words = postWordsOf(post, rules);
  const live: { global: RegExp; from: number; to: number }[] = [];
  for (const part of scanPartsOf(re, rules)) {
    if (!mayRun(part, words.text)) continue;
    const span = spanIn(words.textAt, part.bounds);
    live.push({
      global: part.global,
      from: span ? span.from : Number.NEGATIVE_INFINITY,
      to: span ? span.to : Number.POSITIVE_INFINITY,
    });
  }
  const bounds = post.sentenceBounds;
  return (i) => {
    const start = bounds[2 * i] as number;
    const end = bounds[2 * i + 1] as number;
    const sentence = post.sentences[i] as string;
    let best: FoundMatch | null = null;
    for (const part of live) {
      if (end <= part.from || start >= part.to) continue;
      part.global.lastIndex = 0;
      const match = part.global.exec(sentence);
      part.global.lastIndex = 0;
      if (match && (best === null || match.index < best.index)) best = match;
      // Nothing starts before the sentence does: a later branch cannot come first.
      if (best?.index === 0) break;
    }
    return best;
  };
}
