/**
 * `npm run eval`: scores the classifier against the hand labels in
 * ../shared/fixtures/labels and prints a table. `--write` also writes EVAL.md;
 * `--verbose` lists every post whose prediction differs from its label.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPost } from '../src/classify/classifyPost.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { computeMetrics, mismatches, type MetricRow, type Scored } from './evalMetrics.js';
import { loadLabelledPosts } from './labels.js';

const fixturesDir = process.env.JIKENBO_FIXTURES ?? join(projectRoot(), '..', 'shared', 'fixtures');
const rules = loadClassifierRules();
const items = await loadLabelledPosts(fixturesDir);
const scored: Scored[] = items.map((item) => ({ item, predicted: classifyPost(item.post, rules) }));
const rows = computeMetrics(scored);

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1)}%`.padStart(6));
function table(metricRows: MetricRow[]): string {
  const lines = ['| metric | strict | lenient | n |', '|---|---|---|---|'];
  for (const r of metricRows)
    lines.push(`| ${r.name} | ${pct(r.strict)} | ${pct(r.lenient)} | ${r.n} |`);
  return lines.join('\n');
}

console.log(`classifier rules ${rules.version} on ${items.length} labelled posts\n`);
console.log(table(rows));
const wrong = scored.map((s) => ({ s, diff: mismatches(s) })).filter((x) => x.diff.length > 0);
if (process.argv.includes('--verbose')) {
  for (const { s, diff } of wrong)
    console.log(`\n${s.item.label.title.slice(0, 70)}\n  ${diff.join('\n  ')}`);
}
if (process.argv.includes('--write')) {
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    '# Classifier evaluation',
    '',
    `Measured ${date} with \`npm run eval\` (rules \`${rules.version}\`) on the ${items.length} hand-labelled`,
    "development posts of `../shared/fixtures/labels/`. Lenient accepts a label line's `alternatives`.",
    'Alert relevance counts `incident` and `incident_update` as alerted; cause accuracy leaves out',
    'posts labelled `off_topic`; organisation match ignores white space.',
    '',
    table(rows),
    '',
    `${wrong.length} of ${items.length} posts differ from their label in at least one field;`,
    '`npm run eval -- --verbose` lists them.',
    '',
  ].join('\n');
  writeFileSync(join(projectRoot(), 'EVAL.md'), body);
  console.log('\nwrote EVAL.md');
}
