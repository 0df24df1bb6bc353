/**
 * Scanning only where a pattern's words sit finds what scanning the whole text finds:
 * the longest match read from a pattern's source bounds every match it makes, the
 * prefilter says where each word first and last occurs, and a window built from the two
 * loses no match of any pattern of the shipped rules (texts made of the rules' own
 * example sentences, shuffled with a seed: the same texts every run).
 */
import { describe, expect, it } from 'vitest';
import { maxMatchLength } from '../../../src/classify/matchLength.js';
import { postWordsOf, prefilterOf, wordsIn } from '../../../src/classify/prefilter.js';
import { matchesOf, preparePost, type PreparedPost } from '../../../src/classify/prepare.js';
import { spanIn, boundsOf, textWindowOf } from '../../../src/classify/scanWindow.js';
import { RULES } from '../../helpers/classify.js';
import { PATTERNS, texts } from '../../helpers/ruleTexts.js';

const POSTS: PreparedPost[] = texts(250, 11).map((text) =>
  preparePost({ title: '', text, publishedAt: null }, RULES.text.leadChars),
);

describe('the longest match of a pattern', () => {
  it('is read from the source, and unbounded where it repeats without bound or refers back', () => {
    expect(maxMatchLength('不正(アクセス|ログイン)|乗っ取られ')).toBe(6);
    expect(maxMatchLength('(?<!パスワード)リスト(?!型)')).toBe(3);
    expect(maxMatchLength('[^。]{0,60}停止\\b')).toBe(62);
    expect(maxMatchLength('\\d{1,3}(?:,\\d{3})?件')).toBe(8);
    expect(maxMatchLength('\\u3000?a')).toBe(2);
    expect(maxMatchLength('a+')).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchLength('a\\s*b')).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchLength('a{2,}')).toBe(Number.POSITIVE_INFINITY);
    expect(maxMatchLength('(a)\\1')).toBe(Number.POSITIVE_INFINITY);
  });

  it('bounds every match every pattern of the rules makes in its own examples and mixed texts', () => {
    for (const re of PATTERNS) {
      const most = maxMatchLength(re.source);
      for (const post of POSTS.slice(0, 100))
        for (const match of matchesOf(re, post.text))
          expect(match[0].length, `${re.source} on ${match[0]}`).toBeLessThanOrEqual(most);
    }
  });
});

describe('where the prefilter saw each word', () => {
  it('gives the first and last start of each word, as indexOf and lastIndexOf on the lower-cased text do', () => {
    const prefilter = prefilterOf(RULES);
    for (const post of POSTS.slice(0, 40)) {
      const at = postWordsOf(post, RULES).textAt;
      expect(at).not.toBeNull();
      const folded = post.text.toLowerCase();
      prefilter.words.forEach((word, id) => {
        expect(at?.first[id], word).toBe(folded.indexOf(word));
        if (folded.includes(word)) expect(at?.last[id], word).toBe(folded.lastIndexOf(word));
      });
    }
  });

  it('folds ASCII alone and still finds the words lower-casing the text found', () => {
    const prefilter = prefilterOf(RULES);
    for (const post of POSTS.slice(0, 100)) {
      const upper = post.text.toUpperCase();
      const expected = prefilter.words.map((w) => (upper.toLowerCase().includes(w) ? 1 : 0));
      expect([...wordsIn(upper, prefilter)]).toEqual(expected);
    }
  });
});

describe('a scan confined to where the words sit', () => {
  const found = (matches: RegExpExecArray[], offset = 0) =>
    matches.map((m) => `${m.index + offset}:${m[0]}`);

  it('finds exactly the matches a scan of the whole text finds, for every pattern of the rules', () => {
    let narrowed = 0;
    for (const re of PATTERNS)
      for (const post of POSTS) {
        const window = textWindowOf(post, re, RULES);
        if (window.text !== post.text || window.from > 0) narrowed++;
        const g = new RegExp(re.source, `${re.flags}g`);
        g.lastIndex = window.from;
        const inWindow: RegExpExecArray[] = [];
        for (let m = g.exec(window.text); m !== null; m = g.exec(window.text)) inWindow.push(m);
        expect(found(inWindow, window.offset), re.source).toEqual(found(matchesOf(re, post.text)));
      }
    // The windows do narrow thousands of these scans (a test of nothing would pass too).
    expect(narrowed).toBeGreaterThan(3000);
  });

  it('skips no line piece that holds a match', () => {
    for (const re of PATTERNS)
      for (const post of POSTS) {
        const span = spanIn(postWordsOf(post, RULES).textAt, boundsOf(re, RULES));
        if (!span) continue;
        let start = 0;
        for (const line of post.lines) {
          const m = re.exec(line);
          if (m) {
            expect(start + m.index + m[0].length, re.source).toBeGreaterThan(span.from);
            expect(start + m.index, re.source).toBeLessThan(span.to);
          }
          start += line.length + 1;
        }
      }
  });
});
