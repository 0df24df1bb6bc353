/**
 * A count reads its parentheses within a bounded reach on both sides, so a
 * long line of counts costs each count a fixed window, not the line so far
 * (what made 60,000 characters of 「氏名 1名、」 quadratic).
 */
import { describe, expect, it } from 'vitest';
import { findCountMentions } from '../../../src/classify/countMentions.js';
import { RULES } from '../../helpers/classify.js';

const rules = { ...RULES.counts };

describe('count context windows', () => {
  it('groups counts enumerated in one nearby pair of parentheses', () => {
    const [a, b] = findCountMentions(['対象者(1年生 120名、2年生 115名)'], rules);
    expect(a?.enumeration).not.toBeNull();
    expect(a?.enumeration).toBe(b?.enumeration);
  });

  it('does not read a parenthesis opened beyond its reach before the count', () => {
    const far = `対象者(${'あ'.repeat(200)}1年生 120名、2年生 115名)`;
    const mentions = findCountMentions([far], rules);
    expect(mentions).toHaveLength(2);
    expect(mentions.every((m) => m.enumeration === null)).toBe(true);
  });
});
