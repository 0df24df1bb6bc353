/**
 * Texts made of the shipped rules' own example sentences, shuffled with a seed (the same
 * texts every run): what the engine's scans are checked on against plain scans.
 */
import { patternInfoOf } from '../../src/classify/patterns.js';
import { regexesIn } from '../../src/classify/prefilter.js';
import { RULES } from './classify.js';
import { random } from './seeded.js';

/** Example sentences of every pattern (named patterns and named regexes alike). */
function examplesIn(value: unknown, into: string[] = []): string[] {
  if (value instanceof RegExp) {
    const info = patternInfoOf(value);
    if (info) into.push(...info.examples, ...info.counterExamples);
  } else if (Array.isArray(value)) for (const v of value) examplesIn(v, into);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.examples) && o.re instanceof RegExp)
      into.push(...(o.examples as string[]), ...((o.counterExamples as string[]) ?? []));
    for (const v of Object.values(o)) examplesIn(v, into);
  }
  return into;
}

/** Every regular expression of the shipped rules. */
export const PATTERNS = regexesIn(RULES);
const EXAMPLES = [...new Set(examplesIn(RULES))];
const JOINERS = ['。', '\n', '、', ' ', '', 'お知らせ', 'AbC'];

/** Texts of 1–12 example sentences each, joined by stops, breaks and filler. */
export function texts(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(EXAMPLES) + pick(JOINERS)).join(
      '',
    ),
  );
}
