/**
 * The authored sets (tests/fixtures/authored*, listed in tests/fixtures/authoredSets.ts) are well
 * formed: their feeds are generated from the
 * source, every label line joins a post and uses the spec's vocabulary, and
 * (where the real-post corpus is present) no sentence was copied from it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authoredSetDirs, loadLabelledPosts } from '../../../bench/labels.js';
import { CAUSES, KINDS, SEVERITIES } from '../../../src/classify/vocabulary.js';
import { AUTHORED_SETS } from '../../fixtures/authoredSets.js';
import { CORPUS_DIR, describeWithCorpus } from '../../helpers/corpus.js';
import { postTextsOf, sharedRuns } from '../../helpers/sharedRuns.js';

const WINDOW = 25;

describe('the list of authored sets', () => {
  it('has a row in authoredSets.ts for every set the eval scores, and no row without its set', () => {
    // npm run eval finds the sets by their directories; the fixtures and floors tests by the rows.
    expect(AUTHORED_SETS.map((set) => set.dir).sort()).toEqual(authoredSetDirs().sort());
  });
});

describe.each(AUTHORED_SETS)(
  'the authored blind set tests/fixtures/$name',
  ({ dir, files, size }) => {
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
  },
);

describe('the authored sets together', () => {
  it('give every post an entry id of its own, across sets (one archive may hold them all)', async () => {
    const ids = (
      await Promise.all(AUTHORED_SETS.map(async ({ dir }) => await loadLabelledPosts(dir)))
    ).flatMap((items) => items.map((item) => item.post.id));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });
});

describeWithCorpus('the authored blind sets against the shared fixtures', () => {
  it.each(AUTHORED_SETS)(
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
