/**
 * Every classification of every post the classifier can be shown here, as JSON lines, so
 * that an engine change can be diffed byte for byte before/after (labels, facts and every
 * reason): the dev posts (../shared/fixtures/feeds), the wide set (../shared/fixtures/wide)
 * when present, and the demo blog; each post as published, untitled (its text only) and
 * title-only.
 *
 *   npm run build && node dist/bench/classifyOutputs.js > before.jsonl
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPost } from '../src/classify/classifyPost.js';
import { loadClassifierRules } from '../src/config/loadConfig.js';
import { projectRoot } from '../src/config/projectRoot.js';
import { postsOf } from './classify.js';

/** The folders of feeds to read: the dev and wide sets where ../shared is there, and the demo blog. */
export function outputFeedDirs(): string[] {
  const shared = join(projectRoot(), '..', 'shared', 'fixtures');
  return [
    join(shared, 'feeds'),
    join(shared, 'wide', 'feeds'),
    join(projectRoot(), 'packages', 'demo-blog', 'feeds'),
  ].filter((dir) => existsSync(dir));
}

if (process.argv[1]?.endsWith('classifyOutputs.js')) {
  const rules = loadClassifierRules();
  for (const dir of outputFeedDirs()) {
    for (const post of await postsOf(dir)) {
      const variants = {
        full: { title: post.title, html: post.html, publishedAt: post.publishedAt },
        untitled: { title: '', html: post.html, publishedAt: post.publishedAt },
        titleOnly: { title: post.title, html: '', publishedAt: post.publishedAt },
      };
      for (const [variant, input] of Object.entries(variants))
        console.log(JSON.stringify({ post: post.id, variant, ...classifyPost(input, rules) }));
    }
  }
}
