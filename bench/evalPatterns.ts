/**
 * `node dist/bench/evalPatterns.js`: on how many labelled posts each kind and
 * cause pattern fires (dev, wide and our authored sets together), and each other named pattern
 * (cause checks, severity, data types, counts, facts) occurs. A pattern that fires on one
 * post only must be a general phrasing, not a wording lifted from that post:
 * this lists them so that a reviewer can judge each.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPost } from '../src/classify/classifyPost.js';
import { scoreCauses } from '../src/classify/decideCause.js';
import { kindFacts } from '../src/classify/decideKind.js';
import { preparePost } from '../src/classify/prepare.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { patternInfoOf } from '../src/classify/patterns.js';
import { authoredSetDirs, loadLabelledPosts } from './labels.js';

/** Every `patternId` a classification's reasons name, at any depth (matches, secondary causes…). */
function patternIdsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) patternIdsIn(v, into);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'patternId' && typeof v === 'string') into.add(v);
      else patternIdsIn(v, into);
    }
  return into;
}

/** Every RegExp the rules hold. */
function regexesIn(value: unknown, into: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) into.push(value);
  else if (Array.isArray(value)) for (const v of value) regexesIn(v, into);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) regexesIn(v, into);
  return into;
}

const shared = join(projectRoot(), '..', 'shared', 'fixtures');
const rules = loadClassifierRules();
const fired = new Map<string, string[]>();
// Single patterns (severity, data types, counts, facts) and cause checks: where they occur at all.
const singles = [
  ...regexesIn(rules).flatMap((re) => {
    const id = patternInfoOf(re)?.id;
    return id ? [{ id, re }] : [];
  }),
  ...rules.causeRules.checks.map((c) => ({ id: `cause.check.${c.id}`, re: c.re })),
];
const dirs = [shared, join(shared, 'wide'), ...authoredSetDirs()].filter((d) =>
  existsSync(join(d, 'labels')),
);
let posts = 0;
for (const dir of dirs) {
  for (const { post, label } of await loadLabelledPosts(dir)) {
    const prepared = preparePost(
      { title: post.title, html: post.html, publishedAt: post.publishedAt },
      rules.text.leadChars,
    );
    const ids = new Set([
      ...[...kindFacts(prepared, rules).values()].flatMap((f) => f.hits.map((h) => h.patternId)),
      ...[...scoreCauses(prepared, rules).values()].flatMap((s) => s.hits.map((h) => h.patternId)),
    ]);
    // What decided each label, the organisation and the counts included: patterns read in the
    // context of another match (anchored at ^, as counts' neighbours are) occur only there.
    patternIdsIn(
      classifyPost({ title: post.title, html: post.html, publishedAt: post.publishedAt }, rules)
        .reasons,
      ids,
    );
    for (const { id, re } of singles)
      if (re.test(`${prepared.title}\n${prepared.text}`)) ids.add(id);
    posts++;
    for (const id of ids) fired.set(id, [...(fired.get(id) ?? []), label.title.slice(0, 40)]);
  }
}
const all = [
  ...rules.kind.evidence.flatMap((g) => g.patterns.map((p) => p.id)),
  ...Object.entries(rules.causes).flatMap(([c, ps]) => ps.map((p) => `cause.${c}.${p.id}`)),
  ...singles.map((s) => s.id),
];
for (const id of all) {
  const posts = fired.get(id) ?? [];
  if (posts.length <= 1)
    console.log(`${id}: ${posts.length} post(s)${posts[0] ? ` — ${posts[0]}` : ''}`);
}
console.log(
  `(patterns that fire on at most one of ${posts} labelled posts in ${dirs.length} sets)`,
);
