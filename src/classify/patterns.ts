/**
 * Named patterns: a regular expression with an id, the sentences it must
 * match (examples) and the ones it must not (counter-examples). A test runs
 * every example of the shipped rules, so a pattern's intent is checked, not
 * only its syntax.
 */
import { z } from 'zod';
import { globalOf } from './prepare.js';
import type { ScanWindow } from './scanWindow.js';

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

/** A regular-expression source that compiles; becomes a case-insensitive RegExp. */
export const regex = z
  .string()
  .min(1)
  .refine(compiles, { message: 'expected a valid regular expression' })
  .transform((source) => new RegExp(source, 'i'));

export interface PatternInfo {
  id: string;
  examples: string[];
  counterExamples: string[];
}

const infos = new WeakMap<RegExp, PatternInfo>();

/**
 * A rule's single pattern (a threshold's wording, a context, a date form) with
 * an id and examples, compiled to a plain RegExp so the code reads it as one;
 * its id and examples stay reachable through `patternInfoOf`.
 */
export const namedRegex = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/, 'ids are lower-case words joined by . - _'),
    re: z.string().min(1).refine(compiles, { message: 'expected a valid regular expression' }),
    examples: z.array(z.string().min(1)).min(1),
    counterExamples: z.array(z.string().min(1)).default([]),
  })
  .transform(({ re, ...info }) => {
    const compiled = new RegExp(re, 'i');
    infos.set(compiled, info);
    return compiled;
  });

/** The id and examples of a pattern compiled by `namedRegex`. */
export function patternInfoOf(re: RegExp): PatternInfo | undefined {
  return infos.get(re);
}

/** A pattern with an id and at least one example sentence it matches. */
export const namedPattern = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/, 'ids are lower-case words joined by . - _'),
  re: regex,
  examples: z.array(z.string().min(1)).min(1),
  counterExamples: z.array(z.string().min(1)).default([]),
});
export type NamedPattern = z.infer<typeof namedPattern>;

/** What one pattern found in a text: its id, the distinct words, and how many matches. */
export interface PatternHit {
  patternId: string;
  words: string[];
  count: number;
}

/**
 * Scans `text` with `pattern`, counting at most `max` matches; null when it
 * does not occur. With `negatedAfter`, a match denied right after it
 * ("…ではありません", "…は確認されていません") does not count. With `window`, only
 * that stretch of `text` is scanned (where the pattern's words say its matches lie).
 */
export function hitOf(
  pattern: NamedPattern,
  text: string,
  max = 20,
  negatedAfter?: RegExp,
  window: ScanWindow = { text, from: 0, offset: 0 },
): PatternHit | null {
  // The global twin's exec, not matchAll: matchAll copies the RegExp on every call.
  const g = globalOf(pattern.re);
  const scanned = window.text;
  g.lastIndex = window.from;
  let words: string[] | null = null;
  let count = 0;
  for (let match = g.exec(scanned); match !== null; match = g.exec(scanned)) {
    if (match[0].length === 0) g.lastIndex++;
    const end = window.offset + match.index + match[0].length;
    if (negatedAfter?.test(text.slice(end, end + 30))) continue;
    const word = match[0].trim().slice(0, 40);
    words ??= [];
    if (word && !words.includes(word) && words.length < 3) words.push(word);
    if (++count >= max) break;
  }
  g.lastIndex = 0;
  return words === null ? null : { patternId: pattern.id, words, count };
}
