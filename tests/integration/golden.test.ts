/**
 * Golden outputs of the classifier on every fixture feed. A change of rules that
 * changes any output fails here; regenerate on purpose with UPDATE_GOLDEN=1 and
 * review the diff of tests/golden/.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { classifyPost } from '../../src/classify/classifyPost.js';
import { parseFeed } from '../../src/feed/parseFeed.js';
import { RULES } from '../helpers/classify.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { CORPUS_FEEDS_DIR as FEEDS_DIR, describeWithCorpus, hasCorpus } from '../helpers/corpus.js';

const GOLDEN_DIR = join(PROJECT_ROOT, 'tests', 'golden');
// The real-post corpus lives beside the repository (../shared); a plain clone has none, and the
// corpus reporter prints the one skip line for every such file.
const feeds = hasCorpus ? readdirSync(FEEDS_DIR).filter((f) => f.endsWith('.xml')) : [];

describeWithCorpus('classifier golden outputs', () => {
  it.each(feeds)('matches tests/golden/%s.json', async (feed) => {
    const parsed = await parseFeed(readFileSync(join(FEEDS_DIR, feed), 'utf8'), feed);
    const actual = parsed.posts.map((post) => ({
      id: post.id,
      title: post.title,
      ...classifyPost(post, RULES),
    }));
    const file = join(GOLDEN_DIR, `${feed}.json`);
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npm test and review it`).toBe(
      true,
    );
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
