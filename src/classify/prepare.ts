/** Normalises a post for the rules: NFKC title and text, lines, sentences, the lead. */
import { htmlToText, normalizeText } from '../text/htmlToText.js';

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
  /** The first characters of the text, where a follow-up refers to its earlier notice. */
  lead: string;
  publishedAt: string | null;
}

export function preparePost(input: ClassifierInput, leadChars: number): PreparedPost {
  const text = input.text !== undefined ? normalizeText(input.text) : htmlToText(input.html ?? '');
  const lines = text.split('\n');
  const title = normalizeText(input.title).replace(/\n/g, ' ');
  return {
    title,
    heading: title.trim() ? title : headingOf(lines),
    text,
    lines,
    sentences: text
      .split(/(?<=。)|\n/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    lead: text.slice(0, leadChars),
    publishedAt: input.publishedAt,
  };
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

/** The matched words of `re` in `text`, at most `max`, each trimmed to 40 characters. */
export function matchedWords(re: RegExp, text: string, max = 3): string[] {
  const words: string[] = [];
  if (!re.test(text)) return words;
  for (const match of text.matchAll(globalOf(re))) {
    const word = match[0].trim().slice(0, 40);
    if (word && !words.includes(word)) words.push(word);
    if (words.length >= max) break;
  }
  return words;
}

/** Number of matches of `re` in `text`. */
/** Number of matches of `re` in `text`, counting no further than `stopAt`. */
export function countMatches(re: RegExp, text: string, stopAt = Number.POSITIVE_INFINITY): number {
  if (!re.test(text)) return 0;
  let n = 0;
  for (const _ of text.matchAll(globalOf(re))) if (++n >= stopAt) break;
  return n;
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
