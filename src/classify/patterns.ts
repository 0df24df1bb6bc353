/**
 * Named patterns: a regular expression with an id, the sentences it must
 * match (examples) and the ones it must not (counter-examples). A test runs
 * every example of the shipped rules, so a pattern's intent is checked, not
 * only its syntax.
 */
import { z } from 'zod';
import { globalOf } from './prepare.js';
import { forEachMatch, type ScanGate, type ScanPart } from './branchScan.js';

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
 * ("…ではありません", "…は確認されていません") does not count. With `parts` and `gate`, the
 * pattern runs as its branches, each where its words are (`branchScan.ts`).
 */
export function hitOf(
  pattern: NamedPattern,
  text: string,
  max = 20,
  negatedAfter?: RegExp,
  parts: readonly ScanPart[] = [{ global: globalOf(pattern.re), words: null, bounds: null }],
  gate: ScanGate | null = null,
): PatternHit | null {
  let words: string[] | null = null;
  let count = 0;
  forEachMatch(parts, text, gate, (index, matched) => {
    const end = index + matched.length;
    if (negatedAfter?.test(text.slice(end, end + 30))) return true;
    const word = matched.trim().slice(0, 40);
    words ??= [];
    if (word && !words.includes(word) && words.length < 3) words.push(word);
    return ++count < max;
  });
  return words === null ? null : { patternId: pattern.id, words, count };
}
