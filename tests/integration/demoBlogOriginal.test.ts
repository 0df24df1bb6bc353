import { expect, it } from 'vitest';
import { CORPUS_FEEDS_DIR, describeWithCorpus } from '../helpers/corpus.js';
import { postTextsOf, sharedRuns } from '../helpers/sharedRuns.js';
import { DEMO_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';

/** Long enough that a shared window means shared wording, not a shared stock phrase of notices. */
const WINDOW = 25;

describeWithCorpus('the demo blog against the real-post corpus', () => {
  it(`shares no run of ${WINDOW} characters with any real post`, async () => {
    const ours = await postTextsOf(DEMO_FEEDS_DIR, '.atom.xml');
    const theirs = await postTextsOf(CORPUS_FEEDS_DIR, '.atom.xml');
    expect(sharedRuns(ours, theirs, WINDOW)).toEqual([]);
  });
});
