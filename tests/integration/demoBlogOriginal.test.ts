import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parseFeed.js';
import { CORPUS_FEEDS_DIR, describeWithCorpus } from '../helpers/corpus.js';
import { DEMO_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';

/** Long enough that a shared window means shared wording, not a shared stock phrase of notices. */
const WINDOW = 25;

async function textsOf(dir: string): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.atom.xml'));
  const feeds = await Promise.all(
    files.map((f) => parseFeed(readFileSync(join(dir, f), 'utf8'), f)),
  );
  return feeds.flatMap((feed) => feed.posts.map((p) => `${p.title}\n${p.text}`));
}

describeWithCorpus('the demo blog against the real-post corpus', () => {
  it(`shares no run of ${WINDOW} characters with any real post`, async () => {
    const windows = new Set<string>();
    for (const text of await textsOf(CORPUS_FEEDS_DIR))
      for (let i = 0; i + WINDOW <= text.length; i++) windows.add(text.slice(i, i + WINDOW));
    const shared: string[] = [];
    for (const text of await textsOf(DEMO_FEEDS_DIR))
      for (let i = 0; i + WINDOW <= text.length; i++) {
        const window = text.slice(i, i + WINDOW);
        if (windows.has(window)) shared.push(window);
      }
    expect(shared).toEqual([]);
  });
});
