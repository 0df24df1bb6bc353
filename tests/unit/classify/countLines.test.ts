/**
 * The counts of a post's lines come from one scan of its text: they must be what a scan
 * of each line on its own finds, also where a match of the text would run over a line
 * break (`\s?` in the count pattern may take one).
 */
import { describe, expect, it } from 'vitest';
import { findCountMentions } from '../../../src/classify/countMentions.js';
import { RULES } from '../../helpers/classify.js';

const rules = { ...RULES.counts };

/** Each line's counts found with that line alone, renumbered to its place. */
function lineByLine(lines: string[]) {
  return lines.flatMap((line, i) =>
    findCountMentions([line], rules).map((m) => ({ ...m, line: i })),
  );
}

/** What the text scan and the line-by-line scan must agree on (context from other lines aside). */
const shape = (m: { value: number; unit: string; line: number; at: number }) =>
  [m.value, m.unit, m.line, m.at].join('/');

describe('counts of lines from one scan of the text', () => {
  it.each([
    [['対象 1,', '234名', '計 5名']],
    [['約2', '万件の情報', '会員 3', '名']],
    [['1,234名と', '56名', '', '7', '8件']],
    [['氏名 1名、2名、3名', '住所 40件']],
  ])('finds each line its own counts: %j', (lines) => {
    const joined = findCountMentions(lines, rules).map(shape);
    expect(joined).toEqual(lineByLine(lines).map(shape));
  });

  it('takes no count from a figure split over two lines', () => {
    const mentions = findCountMentions(['対象 1,', '234名'], rules);
    expect(mentions.map((m) => [m.value, m.line, m.at])).toEqual([[234, 1, 0]]);
  });
});
