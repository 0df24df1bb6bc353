/**
 * Parses the numbers Japanese press releases use for counts: `1,234`,
 * `1, 234`, `約2.2万`, `3万5千`, `二万`, `1億5493万`. Input is NFKC text.
 */

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 億: 100_000_000 };

/** The value of one digit run, `2.2`, `1,234` or `1, 234`, or a kanji numeral like `三`. */
function parseDigits(text: string): number {
  const ascii = text.replace(/,\s?/g, '');
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return Number.NaN;
}

/** Value below 10,000 written with kanji digits and 十/百/千, or ASCII digits with 千/百. */
function parseSmall(text: string): number {
  if (text === '') return 0;
  if (/^[\d.,\s]+$/.test(text)) return parseDigits(text);
  let total = 0;
  let current = Number.NaN;
  let rest = text;
  while (rest.length > 0) {
    const digits = /^\d+(?:\.\d+)?/.exec(rest);
    if (digits) {
      current = Number(digits[0]);
      rest = rest.slice(digits[0].length);
      continue;
    }
    const ch = rest[0] as string;
    rest = rest.slice(1);
    if (ch in KANJI_DIGITS) {
      current = KANJI_DIGITS[ch] as number;
    } else if (ch in SMALL_UNITS) {
      total += (Number.isNaN(current) ? 1 : current) * (SMALL_UNITS[ch] as number);
      current = Number.NaN;
    } else {
      return Number.NaN;
    }
  }
  return total + (Number.isNaN(current) ? 0 : current);
}

/**
 * Parses a Japanese count; returns NaN when `text` is not a number.
 * `2.2万` → 22000, `3万5千` → 35000, `二万` → 20000, `1億5493万` → 154930000.
 */
export function parseJapaneseNumber(input: string): number {
  const text = input.replace(/\s+(?=[万億千百十])/g, '').trim();
  if (text === '') return Number.NaN;
  let total = 0;
  let rest = text;
  for (const unit of ['億', '万'] as const) {
    const at = rest.indexOf(unit);
    if (at === -1) continue;
    const head = parseSmall(rest.slice(0, at).trim());
    if (Number.isNaN(head)) return Number.NaN;
    total += (rest.slice(0, at).trim() === '' ? 1 : head) * (LARGE_UNITS[unit] as number);
    rest = rest.slice(at + 1).trim();
  }
  const tail = parseSmall(rest);
  if (Number.isNaN(tail)) return Number.NaN;
  return Math.round(total + tail);
}

/** Regex source matching one number as written in counts (ASCII with separators, or kanji). */
export const NUMBER_PATTERN =
  '(?:\\d{1,3}(?:,\\s?\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?[万億](?:\\s?(?:\\d{1,3}(?:,\\s?\\d{3})+|\\d+)(?:\\s?[千百])?)?|\\s?千)?' +
  '|[一二三四五六七八九十百千]+[万億]?[一二三四五六七八九十百千]*';
