/**
 * `npm run eval`: scores the classifier against hand labels and prints, per
 * labelled set, the metrics, the same per feed and per genre, and confusion
 * matrices of kind and cause.
 *
 * Sets: the seed dev set (../shared/fixtures) by default, or packages/demo-blog
 * in a plain clone without ../shared; `JIKENBO_FIXTURES`
 * names one or more fixture folders (separated by `:`); `--all` scores the
 * dev set and the wide set (../shared/fixtures/wide) in one go. Both the
 * default and `--all` also score our authored sets, tests/fixtures/authored*
 * (shipped, ours: each was a blind set when it was written).
 * `--verbose` lists every miss with its reasons; `--write` writes EVAL.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { classifyPost } from '../src/classify/classifyPost.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { computeMetrics, mismatches, type Scored } from './evalMetrics.js';
import {
  causeConfusion,
  groupTable,
  kindConfusion,
  metricTable,
  sideBySide,
} from './evalReport.js';
import { authoredSetDirs, loadLabelledPosts } from './labels.js';

const shared = join(projectRoot(), '..', 'shared', 'fixtures');
// A plain clone has no ../shared: score our own demo blog instead, and say so.
const demoBlog = join(projectRoot(), 'packages', 'demo-blog');
const defaultDir = existsSync(join(shared, 'labels')) ? shared : demoBlog;
const authored = authoredSetDirs();
const dirs = process.argv.includes('--all')
  ? [...[shared, join(shared, 'wide')].filter((d) => existsSync(join(d, 'labels'))), ...authored]
  : (process.env.JIKENBO_FIXTURES ?? [defaultDir, ...authored].join(':'))
      .split(':')
      .filter((d) => d.length > 0);
console.log(
  `eval: scoring ${dirs.join(', ')}${
    defaultDir === demoBlog && !process.env.JIKENBO_FIXTURES
      ? ' (the real-post corpus ../shared/fixtures is absent: our demo blog instead)'
      : ''
  }`,
);
const setName = (dir: string) => (basename(dir) === 'fixtures' ? 'dev' : basename(dir));

const rules = loadClassifierRules();
const verbose = process.argv.includes('--verbose');
const sets: { name: string; scored: Scored[] }[] = [];
for (const dir of dirs) {
  const items = await loadLabelledPosts(dir);
  sets.push({
    name: setName(dir),
    scored: items.map((item) => ({ item, predicted: classifyPost(item.post, rules) })),
  });
}

function describeMiss(s: Scored, diff: string[]): string {
  const reasons = s.predicted.reasons
    .filter((r) =>
      diff.some((d) => d.startsWith(r.label === 'organization' ? 'organization' : r.label)),
    )
    .map((r) => `    ${r.label}=${r.value} ← ${r.rule} [${r.evidence.join(' / ')}]`);
  const where = `${s.item.label.feed} ${s.item.label.genre}`;
  return [
    `\n${where}: ${s.item.label.title.replace(/\n/g, ' ').slice(0, 70)}`,
    ...diff.map((d) => `  ${d}`),
    ...reasons,
  ].join('\n');
}

for (const { name, scored } of sets) {
  console.log(
    `\n## ${name}: classifier rules ${rules.version} on ${scored.length} labelled posts\n`,
  );
  console.log(metricTable(computeMetrics(scored)));
  console.log(`\n${groupTable(scored, (s) => s.item.label.feed, 'feed')}`);
  console.log(`\n${groupTable(scored, (s) => s.item.label.genre, 'genre')}`);
  console.log(`\nkind confusion\n${kindConfusion(scored)}`);
  console.log(`\ncause confusion (not off_topic)\n${causeConfusion(scored)}`);
  const wrong = scored.map((s) => ({ s, diff: mismatches(s) })).filter((x) => x.diff.length > 0);
  console.log(
    `\n${wrong.length} of ${scored.length} posts differ from their label in at least one field`,
  );
  if (verbose) for (const { s, diff } of wrong) console.log(describeMiss(s, diff));
}

if (process.argv.includes('--write')) {
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    '# Classifier evaluation',
    '',
    `Measured ${date} with \`npm run eval -- --all --write\` (rules \`${rules.version}\`) on the hand-labelled`,
    "sets of `../shared/fixtures/` (dev: the blog's own posts), `../shared/fixtures/wide/` (other",
    "sources' shapes) and `tests/fixtures/authored*/` (our sets about fictional organisations, each",
    'blind when written; see the notes below for each first look).',
    "Figures are lenient (a label line's `alternatives` also count), strict in brackets",
    'where it differs. Alert relevance counts `incident` and `incident_update` as alerted; cause accuracy',
    'leaves out posts labelled `off_topic`; organisation match ignores white space.',
    '',
    sideBySide(sets.map((s) => ({ name: s.name, rows: computeMetrics(s.scored) }))),
    '',
    ...sets.flatMap(({ name, scored }) => [
      `## ${name}`,
      '',
      groupTable(scored, (s) => s.item.label.genre, 'genre'),
      '',
      'Kind confusion (label ↓, predicted →):',
      '',
      kindConfusion(scored),
      '',
    ]),
    '`npm run eval -- --all --verbose` lists every miss with the reasons behind it.',
    '',
  ].join('\n');
  // Hand-written notes below the marker (first-look figures, reviewed rules) survive a rewrite.
  const file = join(projectRoot(), 'EVAL.md');
  const marker = '<!-- notes: kept by npm run eval -- --write -->';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = old.includes(marker) ? old.slice(old.indexOf(marker)) : `${marker}\n`;
  writeFileSync(file, `${body}\n${notes}`);
  console.log('\nwrote EVAL.md');
}
