/**
 * The prefilter's gate words (`gateWordsOf`): every match of a pattern holds one of them, so
 * a pattern skipped where none occurs could not have matched. Checked for every pattern and
 * separable branch of the shipped rules on texts of the rules' examples, and for hand-made
 * sources (optional groups, lookarounds, classes, anchors) on strings drawn from their own
 * characters, where matches are many.
 */
import { describe, expect, it } from 'vitest';
import {
  gateWordsOf,
  literalWordsOf,
  secondGateWordsOf,
  separableBranchesOf,
} from '../../../src/classify/literals.js';
import { matchesOf } from '../../../src/classify/prepare.js';
import { PATTERNS, texts } from '../../helpers/ruleTexts.js';
import { random } from '../../helpers/seeded.js';

/** The matches of `source` (flags `i`) in `text` lacking every gate word; [] where it is sound. */
function unheld(source: string, text: string): string[] {
  const words = gatesOf(source);
  if (words === null) return [];
  return matchesOf(compiled(source), text)
    .map((m) => m[0])
    .filter((m) => !words.some((w) => m.toLowerCase().includes(w)));
}

const gates = new Map<string, string[] | null>();
function gatesOf(source: string): string[] | null {
  if (!gates.has(source)) gates.set(source, gateWordsOf(source));
  return gates.get(source) ?? null;
}

const sources = new Map<string, RegExp>();
function compiled(source: string): RegExp {
  let re = sources.get(source);
  if (!re) sources.set(source, (re = new RegExp(source, 'i')));
  return re;
}

const TEXTS = texts(150, 41);

describe('gate words', () => {
  it('are held by every match of every pattern and branch of the rules', () => {
    let gated = 0;
    let matched = 0;
    for (const re of PATTERNS) {
      for (const source of [re.source, ...(separableBranchesOf(re) ?? [])]) {
        if (gateWordsOf(source)) gated++;
        for (const text of TEXTS) {
          matched += matchesOf(re, text).length;
          expect(unheld(source, text), source).toEqual([]);
        }
      }
    }
    expect(gated).toBeGreaterThan(150);
    expect(matched).toBeGreaterThan(1000);
  }, 120_000);

  it('keep the literal words where those are as long (the gates of before)', () => {
    for (const re of PATTERNS) {
      const literal = literalWordsOf(re.source);
      if (literal && literal.every((w) => w.length >= 4))
        expect(gateWordsOf(re.source)).toEqual(literal);
    }
  });

  it.each([
    ['宛(に|先)', ['宛に', '宛先']],
    ['(?:が|ものの|けれども)、', ['が、', 'ものの、', 'けれども、']],
    ['^(当|本)(社|市)$', ['当社', '当市', '本社', '本市']],
    [
      '(当|本|弊)(社|行|院|校|市|町|村|県|区)(の名)?を(装|騙)(った|う)',
      ['を装った', 'を装う', 'を騙った', 'を騙う'],
    ],
    [
      '(他|ほか)の(方|会員)[^。]{0,15}(情報|個人情報)',
      ['他の方', '他の会員', 'ほかの方', 'ほかの会員'],
    ],
    ['第\\s*[1一]\\s*報', null],
    ['[。、]|様$', null],
  ])('of %s', (source, words) => {
    expect(gateWordsOf(source)).toEqual(words);
  });

  it('are held by every match of hand-made sources on strings of their own characters', () => {
    const sources = [
      '宛(に|先)',
      '(?:が|ものの|けれど(も)?)、',
      '^(当|本)(社|市)$',
      '(当|本|弊)(社|行)(の名)?を(装|騙)(った|う)?',
      '(?<=^|[。「])(県|市)(では|は、|が(?!発表)|から)',
      '(?<!の)(あ|い)[うえ]?お(か|き)',
      'x?(ab|a)(c|cd)? (e|ef)\\b',
      '[あい]{1,2}(うえ|う)(お)??か',
      '(あ(い|う)|え)(お|か)き',
      'a\\u3042(い|う)',
      '(?:あ|い)\\.(う|え)',
    ];
    const next = random(7);
    for (const source of sources) {
      const alphabet = [
        ...new Set(
          source.replace(/\\u[0-9a-f]{4}/g, 'あ').replace(/[\\()[\]{}|?*+^$:<=!,0-9]/g, ''),
        ),
      ];
      alphabet.push('。', '「', ' ', 'の', '.');
      let matches = 0;
      for (let n = 0; n < 3000; n++) {
        const text = Array.from(
          { length: 2 + Math.floor(next() * 14) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join('');
        matches += matchesOf(compiled(source), text).length;
        expect(unheld(source, text), `${source} in ${text}`).toEqual([]);
      }
      expect(matches, source).toBeGreaterThan(0);
    }
  });

  it('of a second group are held by every match too, for every one-branch source of the rules', () => {
    let second = 0;
    for (const re of PATTERNS) {
      for (const source of [re.source, ...(separableBranchesOf(re) ?? [])]) {
        const also = secondGateWordsOf(source);
        if (!also) continue;
        second++;
        for (const text of TEXTS) {
          const lacking = matchesOf(compiled(source), text)
            .map((m) => m[0])
            .filter((m) => !also.some((w) => m.toLowerCase().includes(w)));
          expect(lacking, source).toEqual([]);
        }
      }
    }
    expect(second).toBeGreaterThan(100);
  }, 120_000);

  it.each([
    ['元?[^、。]{0,4}(社員|従業員|職員)[^。]{0,30}(盗んだ|横領|着服)', ['盗んだ', '横領', '着服']],
    ['不正アクセス[^。]{0,10}(により|によって)', ['により', 'によって']],
    ['(社員|職員)が', null],
    ['不正|漏えい', null],
  ])('of a second group in %s', (source, words) => {
    expect(secondGateWordsOf(source)).toEqual(words);
  });
});
