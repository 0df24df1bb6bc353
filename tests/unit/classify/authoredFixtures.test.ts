/**
 * The authored blind sets (tests/fixtures/authored, authored-b, authored-c, authored-d, authored-e, authored-f) are well formed: their feeds are generated from the
 * source, every label line joins a post and uses the spec's vocabulary, and
 * (where the real-post corpus is present) no sentence was copied from it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelledPosts } from '../../../bench/labels.js';
import { CAUSES, KINDS, SEVERITIES } from '../../../src/classify/vocabulary.js';
import { AUTHORED_B_DIR, authoredBFiles } from '../../fixtures/authored-b/authoredFiles.js';
import { AUTHORED_C_DIR, authoredCFiles } from '../../fixtures/authored-c/authoredFiles.js';
import { AUTHORED_D_DIR, authoredDFiles } from '../../fixtures/authored-d/authoredFiles.js';
import { AUTHORED_E_DIR, authoredEFiles } from '../../fixtures/authored-e/authoredFiles.js';
import { AUTHORED_F_DIR, authoredFFiles } from '../../fixtures/authored-f/authoredFiles.js';
import { AUTHORED_DIR, authoredFiles } from '../../fixtures/authored/authoredFiles.js';
import { CORPUS_DIR, describeWithCorpus } from '../../helpers/corpus.js';
import { postTextsOf, sharedRuns } from '../../helpers/sharedRuns.js';

const WINDOW = 25;

const SETS = [
  { name: 'authored', dir: AUTHORED_DIR, files: authoredFiles, size: 60 },
  { name: 'authored-b', dir: AUTHORED_B_DIR, files: authoredBFiles, size: 50 },
  { name: 'authored-c', dir: AUTHORED_C_DIR, files: authoredCFiles, size: 40 },
  { name: 'authored-d', dir: AUTHORED_D_DIR, files: authoredDFiles, size: 40 },
  { name: 'authored-e', dir: AUTHORED_E_DIR, files: authoredEFiles, size: 40 },
  { name: 'authored-f', dir: AUTHORED_F_DIR, files: authoredFFiles, size: 40 },
];

describe.each(SETS)('the authored blind set tests/fixtures/$name', ({ dir, files, size }) => {
  it('has its generated feeds up to date with source/*.json', () => {
    for (const [file, text] of files()) {
      if (process.env.UPDATE_AUTHORED) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
      expect(existsSync(file), `${file} is missing: rerun with UPDATE_AUTHORED=1`).toBe(true);
      expect(
        readFileSync(file, 'utf8') === text,
        `${file} is stale: rerun with UPDATE_AUTHORED=1`,
      ).toBe(true);
    }
  });

  it('joins every label line to one post, with the spec vocabulary and a note', async () => {
    const labelled = await loadLabelledPosts(dir);
    const lines = readdirSync(join(dir, 'labels')).flatMap((f) =>
      readFileSync(join(dir, 'labels', f), 'utf8')
        .trim()
        .split('\n'),
    );
    expect(labelled.length).toBe(lines.length);
    expect(labelled.length).toBe(size);
    expect(new Set(labelled.map(({ label }) => label.caseId)).size).toBe(size);
    for (const { label } of labelled) {
      expect(KINDS).toContain(label.kind);
      expect(CAUSES).toContain(label.cause);
      expect(SEVERITIES).toContain(label.severity);
      expect(label.note?.length ?? 0, label.caseId).toBeGreaterThan(20);
    }
  });
});

describeWithCorpus('the authored blind sets against the shared fixtures', () => {
  it.each(SETS)(
    `$name shares no run of ${WINDOW} characters with any dev or wide post`,
    async ({ dir }) => {
      const theirs = [
        ...(await postTextsOf(join(CORPUS_DIR, 'feeds'))),
        ...(await postTextsOf(join(CORPUS_DIR, 'wide', 'feeds'))),
      ];
      const ours = await postTextsOf(join(dir, 'feeds'));
      expect(sharedRuns(ours, theirs, WINDOW)).toEqual([]);
    },
  );
});
