/**
 * The authored blind set is well formed: its feeds are generated from the
 * source, every label line joins a post and uses the spec's vocabulary, and
 * (where the real-post corpus is present) no sentence was copied from it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelledPosts } from '../../../bench/labels.js';
import { CAUSES, KINDS, SEVERITIES } from '../../../src/classify/vocabulary.js';
import { AUTHORED_DIR, authoredFiles } from '../../fixtures/authored/authoredFiles.js';
import { CORPUS_DIR, describeWithCorpus } from '../../helpers/corpus.js';
import { postTextsOf, sharedRuns } from '../../helpers/sharedRuns.js';

const WINDOW = 25;

describe('the authored blind set (tests/fixtures/authored)', () => {
  it('has its generated feeds up to date with source/*.json', () => {
    for (const [file, text] of authoredFiles()) {
      if (process.env.UPDATE_AUTHORED) writeFileSync(file, text);
      expect(existsSync(file), `${file} is missing: rerun with UPDATE_AUTHORED=1`).toBe(true);
      expect(
        readFileSync(file, 'utf8') === text,
        `${file} is stale: rerun with UPDATE_AUTHORED=1`,
      ).toBe(true);
    }
  });

  it('joins every label line to one post, with the spec vocabulary and a note', async () => {
    const labelled = await loadLabelledPosts(AUTHORED_DIR);
    const lines = readdirSync(join(AUTHORED_DIR, 'labels')).flatMap((f) =>
      readFileSync(join(AUTHORED_DIR, 'labels', f), 'utf8')
        .trim()
        .split('\n'),
    );
    expect(labelled.length).toBe(lines.length);
    expect(labelled.length).toBe(60);
    for (const { label } of labelled) {
      expect(KINDS).toContain(label.kind);
      expect(CAUSES).toContain(label.cause);
      expect(SEVERITIES).toContain(label.severity);
      expect(label.note?.length ?? 0, label.caseId).toBeGreaterThan(20);
    }
  });
});

describeWithCorpus('the authored blind set against the shared fixtures', () => {
  it(`shares no run of ${WINDOW} characters with any dev or wide post`, async () => {
    const theirs = [
      ...(await postTextsOf(join(CORPUS_DIR, 'feeds'))),
      ...(await postTextsOf(join(CORPUS_DIR, 'wide', 'feeds'))),
    ];
    const ours = await postTextsOf(join(AUTHORED_DIR, 'feeds'));
    expect(sharedRuns(ours, theirs, WINDOW)).toEqual([]);
  });
});
