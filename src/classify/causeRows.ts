/**
 * The cause tie-breaks as ordered rows (config/classifier.json,
 * `causeRules.decisions`): each row names the candidate causes, the score the
 * picked one needs, the causes it must not score below, the checks (named
 * patterns) that must or must not occur, and what it decides. The first row
 * that holds decides; the last row has no conditions.
 */
import { z } from 'zod';
import { namedPattern } from './patterns.js';
import { causeSchema, kindSchema } from './vocabulary.js';

/** A named pattern a row may require or exclude (support scam, software defect…). */
export const causeCheckSchema = namedPattern.extend({
  /** Matches denied right after them ("…ではなく") do not count. */
  negatable: z.boolean().default(false),
});

export const causeRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  why: z.string().min(1),
  /** The row applies only to posts of these kinds (all kinds when absent). */
  kinds: z.array(kindSchema).optional(),
  /**
   * The candidates, the highest-scoring of those that qualify wins (ties: listed order);
   * `title-topic`: the causes a pattern finds in the title; `any`: every scored cause.
   */
  among: z.union([z.array(causeSchema).min(1), z.enum(['title-topic', 'any'])]).optional(),
  /** The picked cause's score must reach this. */
  min: z.number().nonnegative().default(0),
  /** …and be at least each of these causes' scores. */
  atLeast: z.array(causeSchema).default([]),
  /** …and be above each of these causes' scores. */
  above: z.array(causeSchema).default([]),
  /** The row holds only if the picked cause is one of these. */
  pickedIs: z.array(causeSchema).optional(),
  /** Checks that must occur in the title or text. */
  needs: z.array(z.string().min(1)).default([]),
  /** Checks that must not occur. */
  without: z.array(z.string().min(1)).default([]),
  /** Among the candidates, this cause wins where its named pattern fired (an infection before its consequences). */
  prefer: z.object({ cause: causeSchema, pattern: z.string().min(1) }).optional(),
  /** The cause decided; absent: the picked candidate. */
  then: causeSchema.optional(),
  /** Causes reported beside the decided one. */
  secondary: z.array(causeSchema).default([]),
});
export type CauseRow = z.infer<typeof causeRowSchema>;

/** Problems of a row list: names of checks that do not exist, and a last row that may not decide. */
export function causeRowProblems(
  rows: readonly CauseRow[],
  checks: readonly { id: string }[],
): { path: (string | number)[]; message: string }[] {
  const known = new Set(checks.map((c) => c.id));
  const problems: { path: (string | number)[]; message: string }[] = [];
  rows.forEach((row, i) => {
    for (const name of [...row.needs, ...row.without])
      if (!known.has(name))
        problems.push({
          path: ['causeRules', 'decisions', i],
          message: `the row uses the check "${name}", which causeRules.checks does not define`,
        });
    if (!row.among && !row.then)
      problems.push({
        path: ['causeRules', 'decisions', i],
        message: 'a row needs candidates (among) or a fixed cause (then)',
      });
  });
  const last = rows.at(-1);
  if (
    last &&
    (last.kinds ||
      last.among ||
      last.needs.length + last.without.length + last.atLeast.length + last.above.length > 0 ||
      last.min > 0)
  )
    problems.push({
      path: ['causeRules', 'decisions', rows.length - 1],
      message: 'the last row must have no conditions, so that every post gets a cause',
    });
  return problems;
}
