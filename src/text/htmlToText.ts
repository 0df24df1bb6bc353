/**
 * Turns post HTML into plain text the classifier and search can read:
 * block elements become line breaks, entities are decoded, Unicode is NFKC
 * (full-width digits and letters become ASCII) and white space is folded.
 */
import { stripInvisible } from './invisible.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  yen: '¥',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
};

const BLOCK_TAGS =
  /<\/?(?:p|div|br|li|ul|ol|tr|table|h[1-6]|blockquote|section|article|header|footer|dd|dt|dl|pre|hr)\b[^>]*>/gi;

/** Decodes HTML character references; unknown named ones are left as written. */
export function decodeEntities(input: string): string {
  return input.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The lines of `input` with runs of spaces folded, trimmed, blank ones dropped. */
function foldedLines(input: string): string[] {
  return input
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** Folds runs of spaces within lines, trims lines and drops blank ones. */
export function foldWhitespace(input: string): string {
  return foldedLines(input).join('\n');
}

/** The lines of `normalizeText(input)` (none where it is empty). */
export function normalizedLines(input: string): string[] {
  return foldedLines(stripInvisible(input.normalize('NFKC').replace(/\r\n?/g, '\n')));
}

/** NFKC-normalises text, drops invisible bidi and zero-width characters, and folds its white space. */
export function normalizeText(input: string): string {
  return normalizedLines(input).join('\n');
}

/**
 * The lines of `htmlToText(html)` (none where it is empty), for a reader that needs both
 * the text and its lines (the classifier): the text joined from them, not split again.
 */
export function htmlToLines(html: string): string[] {
  const withoutCode = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  // A table row's cells (<th>対象</th><td>生徒 1,234名</td>) stay words apart on its line.
  const withBreaks = withoutCode.replace(BLOCK_TAGS, '\n').replace(/<\/(?:td|th)\s*>/gi, ' ');
  const withoutTags = withBreaks.replace(/<[^>]*>/g, '');
  return normalizedLines(decodeEntities(withoutTags));
}

/** Plain text of an HTML fragment. Safe on plain text too. */
export function htmlToText(html: string): string {
  return htmlToLines(html).join('\n');
}
