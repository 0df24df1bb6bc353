/** Values derived from a rules object (combined patterns, counts config), built once per rules. */
import type { ClassifierRules } from './rules.js';

const cache = new WeakMap<ClassifierRules, Map<string, unknown>>();

// The entries of the rules last asked for: a process classifies with one rules object, and
// the hot paths ask ~75 times a post, so the WeakMap lookup is skipped where it repeats.
let lastRules: ClassifierRules | null = null;
let lastEntries: Map<string, unknown> | null = null;

export function derived<T>(rules: ClassifierRules, key: string, build: () => T): T {
  let entries = rules === lastRules ? lastEntries : cache.get(rules);
  if (!entries) {
    entries = new Map();
    cache.set(rules, entries);
  }
  lastRules = rules;
  lastEntries = entries;
  // One lookup where the value is built (every call of the classifier's hot paths).
  const found = entries.get(key);
  if (found !== undefined || entries.has(key)) return found as T;
  const value = build();
  entries.set(key, value);
  return value;
}
