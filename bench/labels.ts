/** Hand labels (shared/fixtures/labels/*.jsonl) joined to the fixture feeds' posts by entry id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseFeed } from '../src/feed/parseFeed.js';
import type { Post } from '../src/feed/post.js';
import { projectRoot } from '../src/config/projectRoot.js';

/**
 * Our authored sets (tests/fixtures/authored, authored-b…), in order: they ship with the
 * repository, so every eval scores them, in a plain clone too.
 */
export function authoredSetDirs(): string[] {
  const fixturesDir = join(projectRoot(), 'tests', 'fixtures');
  return (
    readdirSync(fixturesDir)
      .filter((name) => /^authored(-[a-z]+)?$/.test(name))
      // authored-z comes before authored-aa, as in a spreadsheet's columns.
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .map((name) => join(fixturesDir, name))
      .filter((dir) => existsSync(join(dir, 'labels')))
  );
}

export const labelSchema = z.object({
  entryId: z.string(),
  feed: z.string(),
  title: z.string(),
  kind: z.string(),
  cause: z.string(),
  secondaryCauses: z.array(z.string()),
  severity: z.string(),
  incidentId: z.string().nullable(),
  organization: z.string().nullable(),
  affected: z.number().nullable(),
  dataTypes: z.array(z.string()),
  disruption: z.boolean(),
  disclosedOn: z.string().nullable(),
  confidence: z.enum(['sure', 'unsure']),
  alternatives: z.record(z.string(), z.array(z.unknown())).default({}),
  /** The shape of source a post stands for (wide set only); the seed set is all the blog's own. */
  genre: z.string().default('blog'),
  note: z.string().optional(),
  caseId: z.string().optional(),
});
export type Label = z.infer<typeof labelSchema>;

export interface LabelledPost {
  post: Post;
  label: Label;
}

/** Every labelled post of `fixturesDir` (feeds/ and labels/), in label-file order. */
export async function loadLabelledPosts(fixturesDir: string): Promise<LabelledPost[]> {
  const labelsDir = join(fixturesDir, 'labels');
  const labels = readdirSync(labelsDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(labelsDir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => labelSchema.parse(JSON.parse(line))),
    );
  const posts = new Map<string, Post>();
  for (const file of new Set(labels.map((l) => l.feed))) {
    const xml = readFileSync(join(fixturesDir, 'feeds', file), 'utf8');
    for (const post of (await parseFeed(xml, file)).posts) posts.set(`${file} ${post.id}`, post);
  }
  return labels.flatMap((label) => {
    const post = posts.get(`${label.feed} ${label.entryId}`);
    return post ? [{ post, label }] : [];
  });
}
