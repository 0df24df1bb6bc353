/**
 * A pattern run as its top-level branches, each where its own words are and within its own
 * window, finds exactly the matches (places and texts, in order) that a scan of the whole
 * text with the whole pattern finds: for every pattern of the shipped rules, on texts made
 * of the rules' own examples, and on the cases where the order of the branches decides.
 */
import { describe, expect, it } from 'vitest';
import {
  forEachMatch,
  holdsNowhereInText,
  scanPartsOf,
  sentenceMatcher,
  type ScanGate,
} from '../../../src/classify/branchScan.js';
import { separableBranchesOf } from '../../../src/classify/literals.js';
import { postWordsOf } from '../../../src/classify/prefilter.js';
import { matchesOf, preparePost } from '../../../src/classify/prepare.js';
import { RULES } from '../../helpers/classify.js';
import { PATTERNS, texts } from '../../helpers/ruleTexts.js';

const POSTS = texts(250, 23).map((text, i) =>
  preparePost({ title: i % 2 ? text.slice(0, 60) : '', text, publishedAt: null }, 200),
);

/** The matches as `index:text`, through the branch scan. */
function branchMatches(re: RegExp, text: string, gate: ScanGate | null): string[] {
  const found: string[] = [];
  forEachMatch(scanPartsOf(re, RULES), text, gate, (index, matched) => {
    found.push(`${index}:${matched}`);
    return true;
  });
  return found;
}

const wholeMatches = (re: RegExp, text: string) =>
  matchesOf(re, text).map((m) => `${m.index}:${m[0]}`);

describe('a pattern scanned branch by branch', () => {
  it('finds what the whole pattern finds in the text, the lead and the title, for every pattern of the rules', () => {
    let split = 0;
    for (const re of PATTERNS) {
      if (scanPartsOf(re, RULES).length > 1) split++;
      for (const post of POSTS) {
        const words = postWordsOf(post, RULES);
        const lead = post.text.slice(0, 200);
        expect(
          branchMatches(re, post.text, { seen: words.text, at: words.textAt }),
          re.source,
        ).toEqual(wholeMatches(re, post.text));
        expect(branchMatches(re, lead, { seen: words.text, at: words.textAt }), re.source).toEqual(
          wholeMatches(re, lead),
        );
        expect(branchMatches(re, post.title, { seen: words.title, at: null }), re.source).toEqual(
          wholeMatches(re, post.title),
        );
      }
    }
    // Most long alternations of the rules are split (a test of nothing would pass too).
    expect(split).toBeGreaterThan(50);
  });

  it('finds in each sentence the first match re.exec finds there, for every pattern of the rules', () => {
    for (const re of PATTERNS)
      for (const post of POSTS) {
        const matchIn = sentenceMatcher(post, re, RULES);
        post.sentences.forEach((sentence, i) => {
          const expected = re.exec(sentence);
          const found = matchIn(i);
          expect(found && `${found.index}:${found[0]}`, `${re.source} in ${sentence}`).toBe(
            expected && `${expected.index}:${expected[0]}`,
          );
        });
        if (holdsNowhereInText(post, re, RULES))
          expect(
            post.sentences.some((x) => re.test(x)),
            re.source,
          ).toBe(false);
      }
  });

  it('takes the leftmost match, and of two at one place the earlier branch, as the whole pattern does', () => {
    for (const source of ['abc|ab', 'ab|abc', 'b|abc', 'x*|a', '(?<=a)b|ab', 'c|b|a']) {
      const re = new RegExp(source, 'i');
      for (const text of ['abc', 'aabcab', '', 'xxab', 'bab'])
        expect(branchMatches(re, text, null), `${source} on ${text}`).toEqual(
          wholeMatches(re, text),
        );
    }
  });

  it('keeps a pattern whole where a branch refers back to a group', () => {
    expect(separableBranchesOf(/(a)\1|b/)).toBeNull();
    expect(separableBranchesOf(/(?<q>a)\k<q>|b/)).toBeNull();
    expect(separableBranchesOf(/(a|b)c/)).toBeNull();
    expect(separableBranchesOf(/a(b|c)|d/)).toEqual(['a(b|c)', 'd']);
  });
});
