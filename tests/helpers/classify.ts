/** Classifies a hand-written post with the shipped rules. */
import { classifyPost } from '../../src/classify/classifyPost.js';
import type { Classification } from '../../src/classify/classification.js';
import { loadClassifierRules } from '../../src/config/loadConfig.js';
import { CONFIG_DIR } from './paths.js';

export const RULES = loadClassifierRules(CONFIG_DIR);

export function classify(
  title: string,
  body: string,
  publishedAt = '2024-03-01T00:00:00.000Z',
): Classification {
  return classifyPost({ title, text: body, publishedAt }, RULES);
}

/** The rule that decided `label` (kind, cause, severity…). */
export function ruleOf(result: Classification, label: string): string | undefined {
  return result.reasons.find((r) => r.label === label)?.rule;
}

/** The three labels a test of a wording usually checks together. */
export function labelsOf(
  result: Classification,
): Pick<Classification, 'kind' | 'cause' | 'severity'> {
  return { kind: result.kind, cause: result.cause, severity: result.severity };
}
