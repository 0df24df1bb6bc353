/**
 * The hand-written passes that replaced RegExp splits, matchAll and the prefilter's
 * word comparisons give what those gave, on every string of a small alphabet that
 * holds the characters they cut at (generated, seeded: the same strings every run).
 */
import { describe, expect, it } from 'vitest';
import {
  countMatches,
  firstSentenceOf,
  matchedWords,
  matchesOf,
  piecesAfterStops,
  preparePost,
  sentencesOf,
} from '../../../src/classify/prepare.js';
import { holdsNowhereInText } from '../../../src/classify/branchScan.js';
import { isContextFree, scannerOf, wordsIn } from '../../../src/classify/prefilter.js';
import { patternInfoOf } from '../../../src/classify/patterns.js';
import { RULES } from '../../helpers/classify.js';
import { random } from '../../helpers/seeded.js';

/** Strings over `alphabet`, from a seeded generator (xorshift), lengths 0–24. */
function strings(alphabet: string[], count: number, seed = 7): string[] {
  const next = random(seed);
  const out = ['', ...alphabet];
  while (out.length < count) {
    const n = Math.floor(next() * 25);
    out.push(
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    );
  }
  return out;
}

const STOPS = strings(['。', '\n', ' ', '\u3000', 'あ', 'a'], 3000);

describe('splitting without a RegExp', () => {
  it('cuts sentences as text.split(/(?<=。)|\\n/), trimmed and without empty ones, did', () => {
    for (const text of STOPS) {
      const expected = text
        .split(/(?<=。)|\n/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      expect(sentencesOf(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('cuts a line after each 。 as line.split(/(?<=。)/) did', () => {
    for (const text of STOPS)
      expect(piecesAfterStops(text), JSON.stringify(text)).toEqual(text.split(/(?<=。)/));
  });

  it('takes the first sentence as text.split(/。|\\n/)[0] did', () => {
    for (const text of STOPS) expect(firstSentenceOf(text)).toBe(text.split(/。|\n/)[0]);
  });
});

describe('matching with the global twin instead of matchAll', () => {
  const patterns = [/不正/i, /a*/i, /(?=あ)/i, /あ+|b/i, /(?<=。)/i, /^a/i, /a$/i];
  const texts = strings(['不正', 'あ', 'a', 'A', 'b', '。'], 800);

  it('finds every match matchAll finds, empty ones included, in order', () => {
    for (const re of patterns)
      for (const text of texts) {
        const expected = [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => [
          m.index,
          m[0],
        ]);
        expect(matchesOf(re, text).map((m) => [m.index, m[0]])).toEqual(expected);
      }
  });

  it('counts and collects words as the test-then-matchAll helpers did', () => {
    for (const re of patterns)
      for (const text of texts) {
        const all = re.test(text) ? [...text.matchAll(new RegExp(re.source, 'gi'))] : [];
        expect(countMatches(re, text, 3)).toBe(Math.min(all.length, 3));
        const words: string[] = [];
        for (const m of all) {
          const w = m[0].trim().slice(0, 40);
          if (w && !words.includes(w)) words.push(w);
          if (words.length >= 2) break;
        }
        expect(matchedWords(re, text, 2)).toEqual(words);
      }
  });

  it('starts each use from the beginning, whatever a broken-off loop left behind', () => {
    expect(countMatches(/a/i, 'aaaa', 2)).toBe(2);
    expect(matchesOf(/a/i, 'aaaa')).toHaveLength(4);
  });
});

describe('the prefilter walk', () => {
  it('finds exactly the words that occur, as comparing each word at each position does', () => {
    const words = [
      '不正',
      '不正アクセス',
      '不正ログイン',
      'アクセス',
      'ab',
      'abc',
      'abd',
      'bc',
      'ログ',
    ];
    const { scanner, wordCount } = scannerOf(words);
    const texts = strings(
      ['不', '正', 'ア', 'ク', 'セ', 'ス', 'ロ', 'グ', 'a', 'B', 'c', 'd'],
      3000,
    );
    for (const text of texts) {
      const expected = words.map((w) => (text.toLowerCase().includes(w) ? 1 : 0));
      expect([...wordsIn(text, { scanner, wordCount })], text).toEqual(expected);
    }
  });
});

describe('one scan of the text instead of one per sentence', () => {
  it('takes a pattern as context-free only where it reads nothing around its match', () => {
    for (const source of ['不正|侵入', '[^。]{0,3}停止', 'a\\.b', '[\\]^]x', '\\d+件'])
      expect(isContextFree(new RegExp(source)), source).toBe(true);
    for (const source of [
      '^不正',
      '停止$',
      '(?<!ブ)ロック',
      '\\bcc',
      'x(?=y)',
      'x(?!y)',
      '(?<=a)b',
    ])
      expect(isContextFree(new RegExp(source)), source).toBe(false);
  });

  it('never says a sentence pattern holds nowhere in a text one of whose sentences it matches', () => {
    const s = RULES.severity;
    const patterns = [
      s.noLeakConclusion,
      s.positiveLeak,
      s.outage,
      s.ransomwareOutage,
      s.degraded,
      s.personalDataLeak,
    ];
    for (const re of patterns) {
      for (const example of patternInfoOf(re)?.examples ?? []) {
        const post = preparePost(
          { title: '', text: `前置きの文です。\n${example}\n後書き。`, publishedAt: null },
          600,
        );
        expect(post.sentences.some((x) => re.test(x))).toBe(true);
        expect(holdsNowhereInText(post, re, RULES), example).toBe(false);
      }
      const unrelated = preparePost(
        { title: '', text: 'マイルを交換した。', publishedAt: null },
        600,
      );
      expect(holdsNowhereInText(unrelated, re, RULES)).toBe(true);
    }
  });
});
