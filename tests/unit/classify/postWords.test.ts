/**
 * The prefilter's one pass over a post (`postWordsOf`: the title's, the text's and either's
 * words, and where each word first and last starts in the text) gives what searching every
 * word in place gives, on texts of the rules' examples with ASCII letters in both cases.
 */
import { describe, expect, it } from 'vitest';
import { postWordsOf, prefilterOf } from '../../../src/classify/prefilter.js';
import { preparePost } from '../../../src/classify/prepare.js';
import { RULES } from '../../helpers/classify.js';
import { texts } from '../../helpers/ruleTexts.js';

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

describe('the words of a post', () => {
  it('are where an in-place search of every word finds them', () => {
    const { words } = prefilterOf(RULES);
    const samples = texts(200, 5).map((text, i) => (i % 3 === 0 ? text.toUpperCase() : text));
    let found = 0;
    for (const [i, sample] of samples.entries()) {
      const post = preparePost(
        { title: i % 2 ? sample.slice(0, 50) : '', text: sample, publishedAt: null },
        200,
      );
      const seen = postWordsOf(post, RULES);
      const title = foldAscii(post.title);
      const text = foldAscii(post.text);
      expect(seen.textAt).not.toBeNull();
      words.forEach((word, id) => {
        const inTitle = title.includes(word);
        const first = text.indexOf(word);
        expect(seen.title[id], word).toBe(inTitle ? 1 : 0);
        expect(seen.text[id], word).toBe(first >= 0 ? 1 : 0);
        expect(seen.all[id], word).toBe(inTitle || first >= 0 ? 1 : 0);
        if (first >= 0) {
          found++;
          expect(seen.textAt?.first[id], word).toBe(first);
          expect(seen.textAt?.last[id], word).toBe(text.lastIndexOf(word));
        } else expect(seen.textAt?.first[id], word).toBe(-1);
      });
    }
    expect(found).toBeGreaterThan(5000);
  });
});
