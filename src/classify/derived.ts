/** Values derived from a rules object (combined patterns, counts config), built once per rules. */
import type { ClassifierRules } from './rules.js';

const cache = new WeakMap<ClassifierRules, Map<string, unknown>>();

export function derived<T>(rules: ClassifierRules, key: string, build: () => T): T {
  let entries = cache.get(rules);
  if (!entries) {
    entries = new Map();
    cache.set(rules, entries);
  }
  // One lookup where the value is built (every call of the classifier's hot paths).
  const found = entries.get(key);
  if (found !== undefined || entries.has(key)) return found as T;
  const value = build();
  entries.set(key, value);
  return value;
}
