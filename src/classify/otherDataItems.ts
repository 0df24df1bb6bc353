/**
 * Items of a data list that none of the named types covers: `other` (spec: dataTypes). A notice
 * lists what leaked (氏名、住所、基礎年金番号、給与の支給額等); the named types find 氏名 and
 * 住所, and any further item of the same list that names none of them is data of another type.
 *
 * A list is a sentence in a leak context whose known data words are joined by separators
 * (、・や と, に加え…). Its items are read from the first known word on, up to the word that
 * ends the list (…等が, …を記載した, …など); an item is `other` where it is a noun (kanji,
 * katakana, joined by の) that is no filler (個人情報, 一部) and no person or organisation.
 */
import { derived } from './derived.js';
import { patternInfoOf } from './patterns.js';
import { piecesAfterStops, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import { DATA_TYPES } from './vocabulary.js';

/** Stands for a known data word in a sentence, so that separators inside one do not split it. */
const KNOWN = '\u25a0';

/** One regex over every named type but `other`, global: its matches are masked. */
function knownWords(rules: ClassifierRules): RegExp {
  return derived(
    rules,
    'knownDataWords',
    () =>
      new RegExp(
        DATA_TYPES.filter((t) => t !== 'other')
          .map((t) => `(?:${rules.dataTypes[t].source})`)
          .join('|'),
        'gi',
      ),
  );
}

/** The first item of `sentence`'s data list that no named type covers, or null. */
export function otherItemIn(sentence: string, rules: ClassifierRules): string | null {
  const { separator, end, item, filler, maxChars } = rules.dataContext.otherItems;
  const known = knownWords(rules);
  known.lastIndex = 0;
  const withKnown = sentence.replace(known, KNOWN);
  // A sentence without a known data word holds no list to read.
  if (withKnown === sentence) return null;
  // Asides in brackets (氏名(カナ), ご契約内容(3,812名分)) are no items.
  const masked = withKnown.replace(/[(（][^()（）]{0,40}[)）]/g, '');
  let started = false;
  for (const token of masked.split(separator)) {
    if (!started) {
      // The list opens at its first known word; a word ending it after that word closes it.
      const last = token.lastIndexOf(KNOWN);
      if (last < 0) continue;
      started = true;
      if (end.test(token.slice(last + 1))) break;
      continue;
    }
    const ending = end.exec(token);
    const word = (ending ? token.slice(0, ending.index) : token).trim();
    if (
      !word.includes(KNOWN) &&
      word.length >= 2 &&
      word.length <= maxChars &&
      item.test(word) &&
      !filler.test(word)
    )
      return word;
    if (ending) break;
  }
  return null;
}

/**
 * The first `other` item of a data list in the post's sentences that `inLeakContext` accepts
 * (the caller's verdict: a leak context, not excluded): the word, its sentence, where the word
 * ends in it (for the caller's negation test) and the pattern id naming the way.
 */
export function otherListItem(
  post: PreparedPost,
  rules: ClassifierRules,
  inLeakContext: (lineIndex: number, sentence: string) => boolean,
): { word: string; sentence: string; end: number; patternId: string } | null {
  const { item } = rules.dataContext.otherItems;
  for (let lineIndex = 0; lineIndex < post.lines.length; lineIndex++) {
    const line = post.lines[lineIndex] as string;
    for (const sentence of piecesAfterStops(line)) {
      const word = otherItemIn(sentence, rules);
      if (word === null || !inLeakContext(lineIndex, sentence)) continue;
      const at = sentence.indexOf(word);
      return {
        word,
        sentence,
        end: at < 0 ? sentence.length : at + word.length,
        patternId: patternInfoOf(item)?.id ?? 'data.other-list-item',
      };
    }
  }
  return null;
}
