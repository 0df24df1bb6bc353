/**
 * The classifier's work, or the floor's, over the bench corpus for a given number of
 * rounds, and nothing else: the process that `bench/classifyInstructions.ts` runs under
 * callgrind (and `node --cpu-prof` can profile). Usage:
 *   node dist/bench/classifyWork.js <classify|floor> <warm-up rounds> <rounds> [demo|dev]
 */
import { classifyPost } from '../src/classify/classifyPost.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import type { Post } from '../src/feed/post.js';
import { htmlToText } from '../src/text/htmlToText.js';
import { corpus } from './classify.js';

export type Work = 'classify' | 'floor';

/** The work one post costs: the floor is HTML-to-text and NFKC of the title; the classifier gets HTML. */
export function workOf(work: Work): (post: Post) => unknown {
  if (work === 'floor')
    return (p) => {
      htmlToText(p.html);
      return p.title.normalize('NFKC');
    };
  const rules = loadClassifierRules();
  return (p) => classifyPost({ title: p.title, html: p.html, publishedAt: p.publishedAt }, rules);
}

const [mode, warm, rounds, corpusName] = process.argv.slice(2);
if (mode === 'classify' || mode === 'floor') {
  const posts = await corpus(corpusName === 'dev' ? 'dev' : 'demo');
  const run = workOf(mode);
  let sink = 0;
  const total = Number(warm ?? 0) + Number(rounds ?? 0);
  for (let round = 0; round < total; round++)
    for (const post of posts) sink += run(post) === undefined ? 0 : 1;
  console.log(
    `${mode}: ${posts.length} ${corpusName ?? 'demo'} posts × ${total} rounds (${sink} results)`,
  );
}
