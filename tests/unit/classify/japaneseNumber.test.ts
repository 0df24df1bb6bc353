import { describe, expect, it } from 'vitest';
import { parseJapaneseNumber } from '../../../src/classify/japaneseNumber.js';

describe('parseJapaneseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['12,345', 12345],
    ['1, 234', 1234],
    ['147,545', 147545],
    ['1,234,567', 1234567],
    ['2.2万', 22000],
    ['約2.2万'.slice(1), 22000],
    ['3万5千', 35000],
    ['3万5000', 35000],
    ['20万', 200000],
    ['596 万', 5960000],
    ['二万', 20000],
    ['三千', 3000],
    ['十二', 12],
    ['二十', 20],
    ['百', 100],
    ['一億五千万', 150000000],
    ['1億5493万', 154930000],
    ['五', 5],
  ])('reads %s as %d', (text, value) => {
    expect(parseJapaneseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '約', '数千', '一部'])('is NaN for %j', (text) => {
    expect(parseJapaneseNumber(text)).toBeNaN();
  });
});
