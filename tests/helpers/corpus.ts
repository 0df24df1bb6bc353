/**
 * The real-post corpus (`../shared/fixtures`: real posts of the source blog
 * and their hand labels) sits next to the repository in the project's own
 * checkout and in CI, but not in a plain `git clone`. Tests that need it wrap
 * their suite in `describeWithCorpus`: without the corpus the suite is
 * skipped, and `CorpusSkipReporter` (corpusSkipReporter.ts) prints one line per run saying what was
 * skipped and how to supply it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { PROJECT_ROOT } from './paths.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on suites that need ../shared/fixtures, so that a reporter can count what was skipped. */
    needsCorpus?: boolean;
  }
}

export const SHARED_DIR = join(PROJECT_ROOT, '..', 'shared');
export const CORPUS_DIR = join(SHARED_DIR, 'fixtures');
export const CORPUS_FEEDS_DIR = join(CORPUS_DIR, 'feeds');
export const CORPUS_LABELS_FILE = join(CORPUS_DIR, 'labels', 'dev.jsonl');

/** True where the real-post corpus is present (the project's checkout, CI). */
export const hasCorpus = existsSync(CORPUS_FEEDS_DIR) && existsSync(CORPUS_LABELS_FILE);

/**
 * `describe`, skipped when the real-post corpus is absent. Keep every read
 * of corpus files inside `body` (or behind `hasCorpus`): a read at module
 * load would crash the file before the skip applies.
 */
export function describeWithCorpus(name: string, body: () => void): void {
  describe(name, { skip: !hasCorpus, meta: { needsCorpus: true } }, body);
}
