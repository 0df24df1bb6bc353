/** Values derived from a rules object (combined patterns, counts config), built once per rules. */
import type { ClassifierRules } from './rules.js';

const cache = new WeakMap<ClassifierRules, Map<string, unknown>>();

export function derived<T>(rules: ClassifierRules, key: string, build: () => T): T {
  let entries = cache.get(rules);
  if (!entries) {
    entries = new Map();
    cache.set(rules, entries);
  }
  if (!entries.has(key)) entries.set(key, build());
  return entries.get(key) as T;
}
