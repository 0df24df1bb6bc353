/**
 * Ordered decision rows, in the manner of json-rules-engine: each row names
 * the facts it needs (all / any / none, each with an optional minimum or
 * maximum count) and the value it decides. The first row whose conditions
 * hold decides, and says which row it was and which facts fired.
 */
import { z } from 'zod';
import type { PatternHit } from './patterns.js';

/** A fact by name (present: count ≥ 1), or with bounds on its count. */
const condition = z.union([
  z.string().min(1),
  z.object({
    fact: z.string().min(1),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  }),
]);
type Condition = z.infer<typeof condition>;

/** One row: conditions and the value decided when they hold. */
export function decisionRowSchema<T extends z.ZodType>(value: T) {
  return z.object({
    id: z.string().regex(/^[a-z0-9_.-]+$/),
    /** What the row stands for, for the analyst reading the config. */
    why: z.string().min(1),
    when: z
      .object({
        all: z.array(condition).default([]),
        any: z.array(condition).default([]),
        none: z.array(condition).default([]),
      })
      .default({ all: [], any: [], none: [] }),
    then: value,
  });
}

/** A fact: its count and the pattern hits behind it (for the reasons). */
export interface Fact {
  count: number;
  hits: PatternHit[];
}

/** Facts by name; a lookup may compute the fact on first use. */
export interface Facts {
  get(name: string): Fact | undefined;
}

function holds(c: Condition, facts: Facts): boolean {
  const name = typeof c === 'string' ? c : c.fact;
  const count = facts.get(name)?.count ?? 0;
  if (typeof c === 'string') return count >= 1;
  return (
    count >= (c.min ?? (c.max === undefined ? 1 : 0)) && (c.max === undefined || count <= c.max)
  );
}

const nameOf = (c: Condition) => (typeof c === 'string' ? c : c.fact);

export interface RowDecision<T> {
  rowId: string;
  value: T;
  /** Hits of the facts the row required (all, and those of any that held). */
  hits: PatternHit[];
}

/**
 * The first row whose conditions hold; rows end with a catch-all, so one always decides.
 * Plain loops: every post walks the rows, and `every`/`some`/`flatMap` with closures cost
 * more than the facts' cached lookups they wrap.
 */
export function decide<T>(
  rows: readonly {
    id: string;
    when: { all: Condition[]; any: Condition[]; none: Condition[] };
    then: T;
  }[],
  facts: Facts,
): RowDecision<T> | null {
  for (const row of rows) {
    const { all, any, none } = row.when;
    if (!allHold(all, facts)) continue;
    if (any.length > 0 && !someHolds(any, facts)) continue;
    if (someHolds(none, facts)) continue;
    const hits: PatternHit[] = [];
    const add = (c: Condition) => {
      for (const hit of facts.get(nameOf(c))?.hits ?? []) hits.push(hit);
    };
    for (const c of all) add(c);
    for (const c of any) if (holds(c, facts)) add(c);
    return { rowId: row.id, value: row.then, hits };
  }
  return null;
}

function allHold(conditions: readonly Condition[], facts: Facts): boolean {
  for (const c of conditions) if (!holds(c, facts)) return false;
  return true;
}

function someHolds(conditions: readonly Condition[], facts: Facts): boolean {
  for (const c of conditions) if (holds(c, facts)) return true;
  return false;
}

/** Names of facts every row refers to, to check at load that each is defined. */
export function factNamesOf(
  rows: readonly { when: { all: Condition[]; any: Condition[]; none: Condition[] } }[],
): string[] {
  return [
    ...new Set(rows.flatMap((r) => [...r.when.all, ...r.when.any, ...r.when.none].map(nameOf))),
  ];
}
