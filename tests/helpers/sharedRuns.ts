/**
 * Checks that a set of posts we wrote copies no wording from the real-post
 * corpus: every run of `window` characters of our posts that also occurs in
 * one of the corpus's posts (title and text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../../src/feed/parseFeed.js';

/** Title and text of every post in the feeds of `dir` whose file name ends with `suffix`. */
export async function postTextsOf(dir: string, suffix = '.xml'): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith(suffix));
  const feeds = await Promise.all(
    files.map((f) => parseFeed(readFileSync(join(dir, f), 'utf8'), f)),
  );
  return feeds.flatMap((feed) => feed.posts.map((p) => `${p.title}\n${p.text}`));
}

/** The runs of `window` characters of `ours` that also occur in `theirs`. */
export function sharedRuns(ours: string[], theirs: string[], window: number): string[] {
  const windows = new Set<string>();
  for (const text of theirs)
    for (let i = 0; i + window <= text.length; i++) windows.add(text.slice(i, i + window));
  const shared: string[] = [];
  for (const text of ours)
    for (let i = 0; i + window <= text.length; i++) {
      const run = text.slice(i, i + window);
      if (windows.has(run)) shared.push(run);
    }
  return shared;
}
