/** Normalises a post for the rules: NFKC title and text, lines, sentences, the lead. */
import { htmlToLines, normalizedLines, normalizeText } from '../text/htmlToText.js';

export interface ClassifierInput {
  title: string;
  /** Plain text; when absent it is derived from `html`. */
  text?: string;
  html?: string;
  publishedAt: string | null;
  categories?: readonly string[];
}

export interface PreparedPost {
  title: string;
  /** The title, or for an untitled notice its first lines (where the heading sits). */
  heading: string;
  text: string;
  lines: string[];
  sentences: string[];
  /**
   * Where each sentence's untrimmed piece sits in the text: sentence i lies within
   * [sentenceBounds[2i], sentenceBounds[2i + 1]).
   */
  sentenceBounds: number[];
  /** The first characters of the text, where a follow-up refers to its earlier notice. */
  lead: string;
  publishedAt: string | null;
}

export function preparePost(input: ClassifierInput, leadChars: number): PreparedPost {
  // The normalised lines, then the text joined from them: `text.split('\n')` gave the same
  // lines (none is empty or holds a line break), or [''] for an empty text.
  const kept =
    input.text !== undefined ? normalizedLines(input.text) : htmlToLines(input.html ?? '');
  const text = kept.join('\n');
  const lines = kept.length > 0 ? kept : [''];
  const title = normalizeText(input.title).replace(/\n/g, ' ');
  const sentenceBounds: number[] = [];
  return {
    title,
    heading: title.trim() ? title : headingOf(lines),
    text,
    lines,
    sentences: sentencesOf(text, sentenceBounds),
    sentenceBounds,
    lead: text.slice(0, leadChars),
    publishedAt: input.publishedAt,
  };
}

const FULL_STOP = 0x3002; // 。
const LINE_FEED = 0x0a;

/**
 * The text cut after each 。 and at each line break, trimmed, without empty
 * pieces: what `text.split(/(?<=。)|\n/)` gave, in one pass over the code units
 * (a split by a RegExp runs it at every position). With `bounds`, each kept
 * sentence's untrimmed piece's start and end in the text are pushed to it.
 */
export function sentencesOf(text: string, bounds?: number[]): string[] {
  const sentences: string[] = [];
  let start = 0;
  // One loop past the end (i === text.length) closes the last piece; no closure per post.
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : LINE_FEED;
    if (unit !== FULL_STOP && unit !== LINE_FEED) continue;
    const end = unit === FULL_STOP ? i + 1 : i;
    const sentence = text.slice(start, end).trim();
    if (sentence.length > 0) {
      sentences.push(sentence);
      bounds?.push(start, end);
    }
    start = i + 1;
  }
  return sentences;
}

/** `line` cut after each 。 (the last piece may lack one): what `line.split(/(?<=。)/)` gave. */
export function piecesAfterStops(line: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (
    let at = line.indexOf('。');
    at !== -1 && at + 1 < line.length;
    at = line.indexOf('。', at + 1)
  ) {
    pieces.push(line.slice(start, at + 1));
    start = at + 1;
  }
  pieces.push(line.slice(start));
  return pieces;
}

/** The text before its first 。 or line break: what `text.split(/。|\n/)[0]` gave. */
export function firstSentenceOf(text: string): string {
  const stop = text.indexOf('。');
  const feed = text.indexOf('\n');
  const end = stop === -1 ? feed : feed === -1 ? stop : Math.min(stop, feed);
  return end === -1 ? text : text.slice(0, end);
}

/** An untitled notice's heading: its first few short lines (addressee, sender, subject). */
function headingOf(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 3)
    .filter((l) => l.length <= 80)
    .join(' ');
}

/**
 * The matched words of `re` in `text`, at most `max`, each trimmed to 40 characters;
 * scanning from `from` (no match of `re` starts before it).
 */
export function matchedWords(re: RegExp, text: string, max = 3, from = 0): string[] {
  const words: string[] = [];
  const g = globalOf(re);
  g.lastIndex = from;
  for (let match = g.exec(text); match !== null; match = g.exec(text)) {
    if (match[0].length === 0) g.lastIndex++;
    const word = match[0].trim().slice(0, 40);
    if (word && !words.includes(word)) words.push(word);
    if (words.length >= max) break;
  }
  g.lastIndex = 0;
  return words;
}

/** Number of matches of `re` in `text`, counting no further than `stopAt`. */
export function countMatches(re: RegExp, text: string, stopAt = Number.POSITIVE_INFINITY): number {
  const g = globalOf(re);
  g.lastIndex = 0;
  let n = 0;
  for (let match = g.exec(text); match !== null; match = g.exec(text)) {
    if (match[0].length === 0) g.lastIndex++;
    if (++n >= stopAt) break;
  }
  g.lastIndex = 0;
  return n;
}

/**
 * The matches of `re` in `text`, in order, as `text.matchAll` gives them: one scan with
 * the rule's global twin, where matchAll copies the RegExp on every call (and the
 * `test` that used to come first scanned a matching text twice).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const g = globalOf(re);
  g.lastIndex = 0;
  for (let match = g.exec(text); match !== null; match = g.exec(text)) {
    if (match[0].length === 0) g.lastIndex++;
    found.push(match);
  }
  g.lastIndex = 0;
  return found;
}

const globals = new WeakMap<RegExp, RegExp>();

/** The global twin of `re`, compiled once (rules are compiled once, so this caches per rule). */
export function globalOf(re: RegExp): RegExp {
  let global = globals.get(re);
  if (!global) {
    global = re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`);
    globals.set(re, global);
  }
  return global;
}
