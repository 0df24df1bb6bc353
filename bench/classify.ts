/**
 * Classifier throughput over the fixture corpus: posts per second and p50/p99
 * time per post, next to the floor (only HTML-to-text and NFKC of the same
 * posts), on one core.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPost } from '../src/classify/classifyPost.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import { parseFeed } from '../src/feed/parseFeed.js';
import type { Post } from '../src/feed/post.js';
import { htmlToText } from '../src/text/htmlToText.js';
import { mayMatch, prefilterOf } from '../src/classify/prefilter.js';
import { preparePost } from '../src/classify/prepare.js';
import type { ClassifierRules } from '../src/classify/rules.js';
import { defaultFixturesDir } from '../src/cli/demoCommand.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { measurePair, type SideRun } from './steadyRounds.js';

/**
 * A bench corpus: `demo` is every post of the demo blog's feeds (22 short posts, in a
 * plain clone); `dev` is the 91 real development posts (../shared/fixtures/feeds, longer),
 * the corpus issue 8's speed aim was measured on.
 */
export type CorpusName = 'demo' | 'dev';

/** The folder of feeds a corpus reads. */
function corpusDir(name: CorpusName): string {
  return name === 'dev'
    ? join(projectRoot(), '..', 'shared', 'fixtures', 'feeds')
    : defaultFixturesDir();
}

/** The corpora this checkout has: the dev posts where ../shared is there, and always the demo blog. */
export function availableCorpora(): CorpusName[] {
  return existsSync(corpusDir('dev')) ? ['dev', 'demo'] : ['demo'];
}

/** Every post of the feed files in `dir` whose names end with `suffix`, in name order. */
export async function postsOf(dir: string, suffix = '.xml'): Promise<Post[]> {
  const posts: Post[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()) {
    posts.push(...(await parseFeed(readFileSync(join(dir, file), 'utf8'), file)).posts);
  }
  return posts;
}

/** Every post of a corpus's Atom feeds. */
export async function corpus(name: CorpusName = 'demo'): Promise<Post[]> {
  return postsOf(corpusDir(name), '.atom.xml');
}

/** How a corpus is named in the bench's lines. */
export function corpusLabel(name: CorpusName, posts: number): string {
  return name === 'dev'
    ? `dev posts (../shared/fixtures/feeds, ${posts} real posts: issue 8's measure)`
    : `demo posts (packages/demo-blog, ${posts} short posts: a plain clone's measure)`;
}

/** Throughput on every corpus this checkout has (dev posts first where present), then the hostile posts. */
export async function runClassifyBench(): Promise<string[]> {
  const rules = loadClassifierRules();
  const lines: string[] = [];
  for (const name of availableCorpora())
    lines.push(...corpusBench(name, await corpus(name), rules));
  lines.push(hostileBench(rules));
  return lines;
}

function corpusBench(name: CorpusName, posts: Post[], rules: ClassifierRules): string[] {
  // Both sides warm alike, then interleaved rounds: a bot classifies for days, so its JIT is
  // warm (one warm-up round was not enough: the classifier's code was still being optimised),
  // and interleaving puts a slow minute or a collection on both sides alike.
  const run = measurePair(
    posts,
    (p) => {
      htmlToText(p.html);
      return p.title.normalize('NFKC');
    },
    // The classifier gets HTML, as the pipeline would without a precomputed text.
    (p) => classifyPost({ title: p.title, html: p.html, publishedAt: p.publishedAt }, rules),
  );
  const { work: classify, baseline: floor } = run;
  const line = (name: string, r: SideRun) =>
    `${name.padEnd(44)} ${r.postsPerSecond.toFixed(0).padStart(8)} posts/s  p50 ${r.p50Us.toFixed(0).padStart(6)} µs  p99 ${r.p99Us.toFixed(0).padStart(6)} µs`;
  // How much the literal prefilter saves: kind and cause patterns whose words a post lacks do not run.
  const patterns = [
    ...rules.kind.evidence.flatMap((g) => g.patterns.map((p) => p.re)),
    ...Object.values(rules.causes).flatMap((ps) => ps.map((p) => p.re)),
  ];
  let ran = 0;
  for (const p of posts) {
    const prepared = preparePost({ title: p.title, html: p.html, publishedAt: null }, 600);
    ran += patterns.filter((re) => mayMatch(prepared, re, rules)).length;
  }
  const [low, high] = run.ratioRange;
  return [
    `classifier corpus: ${corpusLabel(name, posts.length)}, one core: ${run.warmUpRounds} warm-up rounds of each side, then ${run.rounds} interleaved rounds (posts/s of the median round)`,
    `  prefilter: ${(ran / posts.length).toFixed(1)} of ${patterns.length} kind and cause patterns run per post on average (one prefilter pass over ${prefilterOf(rules).wordCount} words, which gates every pattern of the rules)`,
    line(`  classify (HTML in), ${name}`, classify),
    line(`  floor: HTML-to-text + NFKC only, ${name}`, floor),
    `  classify / floor time ratio, ${name}: ${run.medianRatio.toFixed(2)}x (median of ${run.rounds} interleaved rounds, ${low.toFixed(2)}–${high.toFixed(2)}x; p50 ${(classify.p50Us / floor.p50Us).toFixed(2)}x)`,
    `  cold, first round in this process, ${name}: classify ${classify.coldPostsPerSecond.toFixed(0)} posts/s, floor ${floor.coldPostsPerSecond.toFixed(0)} posts/s, classify / floor time ratio ${run.coldRatio.toFixed(2)}x`,
  ];
}

/** Hostile shapes: long lines without 。 full of data words or counts must stay linear. */
function hostileBench(rules: ClassifierRules): string {
  const hostile = [
    ['60k chars of 氏名は', '氏名は'.repeat(20_000)],
    ['60k chars of counts', '氏名 1名、'.repeat(10_000)],
    ['1 MB without a line break', 'あ'.repeat(1_000_000)],
    // Kind and organisation patterns with bounded gaps ([^。]{0,60}) and body-name lookups.
    ['400k chars of 当社は', '当社は'.repeat(133_000)],
    ['400k chars of ドメインの', 'ドメインの'.repeat(80_000)],
    ['400k chars of 株式会社あ(以下', '株式会社あ(以下'.repeat(50_000)],
  ].map(([name, text]) => {
    const started = process.hrtime.bigint();
    classifyPost(
      { title: '【セキュリティ事件簿#2024-001】x', text: text as string, publishedAt: null },
      rules,
    );
    return `${name}: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} ms`;
  });
  return `hostile single posts: ${hostile.join('; ')}`;
}
