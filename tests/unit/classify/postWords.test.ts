/**
 * The prefilter's one pass over a post (`postWordsOf`: the title's, the text's and either's
 * words, and where each word first and last starts in the text) gives what searching every
 * word in place gives, on texts of the rules' examples with ASCII letters in both cases.
 */
import { describe, expect, it } from 'vitest';
import { classifyPost } from '../../../src/classify/classifyPost.js';
import { postWordsOf, prefilterOf, withPostWords } from '../../../src/classify/prefilter.js';
import { preparePost } from '../../../src/classify/prepare.js';
import { RULES } from '../../helpers/classify.js';
import { texts } from '../../helpers/ruleTexts.js';

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

describe('the words of a post', () => {
  it('are where an in-place search of every word finds them', () => {
    const { words } = prefilterOf(RULES);
    const samples = texts(120, 5).map((text, i) => (i % 3 === 0 ? text.toUpperCase() : text));
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
      const expected = { title: [] as number[], text: [] as number[], all: [] as number[] };
      const at = { first: [] as number[], last: [] as number[] };
      const got = { first: [] as number[], last: [] as number[] };
      words.forEach((word, id) => {
        const inTitle = title.includes(word);
        const first = text.indexOf(word);
        expected.title.push(inTitle ? 1 : 0);
        expected.text.push(first >= 0 ? 1 : 0);
        expected.all.push(inTitle || first >= 0 ? 1 : 0);
        at.first.push(first);
        got.first.push(seen.textAt?.first[id] as number);
        // `last` means something only where the word occurs.
        at.last.push(first >= 0 ? text.lastIndexOf(word) : -1);
        got.last.push(first >= 0 ? (seen.textAt?.last[id] as number) : -1);
        if (first >= 0) found++;
      });
      expect([...seen.title]).toEqual(expected.title);
      expect([...seen.text]).toEqual(expected.text);
      expect([...seen.all]).toEqual(expected.all);
      expect(got).toEqual(at);
    }
    expect(found).toBeGreaterThan(3000);
  }, 120_000);
});

describe('the reused tables of the classified post', () => {
  const inputs = texts(60, 9).map((text, i) => ({
    title: i % 2 ? text.slice(0, 40) : '',
    text,
    publishedAt: null,
  }));

  it('give every post the classification it gets alone, in any order', () => {
    // With the buffer taken (by another post's call), each post's tables are its own.
    const holder = preparePost({ title: '', text: 'x', publishedAt: null }, 200);
    const alone = withPostWords(holder, RULES, () =>
      inputs.map((input) => JSON.stringify(classifyPost(input, RULES))),
    );
    const reversed = [...inputs]
      .reverse()
      .map((input) => JSON.stringify(classifyPost(input, RULES)));
    expect(reversed.reverse()).toEqual(alone);
    expect(inputs.map((input) => JSON.stringify(classifyPost(input, RULES)))).toEqual(alone);
  });

  it('leave the words of a post prepared outside the classifier as they were', () => {
    const post = preparePost(inputs[3] as (typeof inputs)[number], 200);
    const before = postWordsOf(post, RULES);
    const copy = { text: before.text.slice(), first: before.textAt?.first.slice() };
    for (const input of inputs) classifyPost(input, RULES);
    const after = postWordsOf(post, RULES);
    expect(after).toBe(before);
    expect(after.text).toEqual(copy.text);
    expect(after.textAt?.first).toEqual(copy.first);
    // Inside another post's classification, this post's tables are its own too.
    const inside = withPostWords(post, RULES, () => postWordsOf(post, RULES));
    expect(inside).toBe(before);
  });
});
