/** The literal prefilter: which words a pattern needs, one pass to find them, and never a missed match. */
import { describe, expect, it } from 'vitest';
import { literalWordsOf } from '../../../src/classify/literals.js';
import { prefilterOf, scannerOf, wordsIn } from '../../../src/classify/prefilter.js';
import { preparePost } from '../../../src/classify/prepare.js';
import { mayMatch } from '../../../src/classify/prefilter.js';
import { RULES } from '../../helpers/classify.js';

describe('literal words of a pattern', () => {
  it.each([
    ['不正(アクセス|ログイン)|乗っ取られ', ['アクセス', 'ログイン', '乗っ取られ']],
    ['ランサムウ[ェエ]ア|身代金', ['ランサムウ', '身代金']],
    ['(クレジット)?カード(情報|番号)', ['カード']],
    ['\\bB?CC\\s*(で|に)|Bcc', ['cc', 'bcc']],
    ['(?<!パスワード)リスト(?!型)', ['リスト']],
  ])('finds the words %s cannot match without', (source, words) => {
    expect(literalWordsOf(source)).toEqual(words);
  });

  it('gives up (always run) where a branch needs no word', () => {
    expect(literalWordsOf('[「『][^」』]{2,30}[」』]|不正')).toBeNull();
    expect(literalWordsOf('.{0,3}')).toBeNull();
  });
});

describe('one pass over the post', () => {
  it('finds overlapping words, as Aho-Corasick does through its fail links', () => {
    const scanner = scannerOf(['he', 'she', 'his', 'hers', '不正', '不正アクセス', 'アクセス']);
    expect([...wordsIn('ushers', scanner)]).toEqual([1, 1, 0, 1, 0, 0, 0]);
    expect([...wordsIn('外部から不正アクセスを受けた', scanner)]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('finds ASCII words whatever their case, as the case-blind patterns do', () => {
    expect([...wordsIn('DDoS攻撃', scannerOf(['ddos']))]).toEqual([1]);
    expect(prefilterOf(RULES).wordCount).toBeGreaterThan(100);
  });

  it('lets every kind and cause pattern run on its own example sentences', () => {
    const patterns = [
      ...RULES.kind.evidence.flatMap((g) => g.patterns),
      ...Object.values(RULES.causes).flat(),
    ];
    for (const pattern of patterns) {
      for (const example of pattern.examples) {
        const post = preparePost({ title: '', text: example, publishedAt: null }, 600);
        expect(mayMatch(post, pattern.re, RULES), `${pattern.id}: ${example}`).toBe(true);
      }
    }
  });

  it('skips a pattern none of whose words occur', () => {
    const ransomware = RULES.causes.ransomware[0];
    const post = preparePost({ title: '', text: 'マイルを交換した。', publishedAt: null }, 600);
    expect(ransomware && mayMatch(post, ransomware.re, RULES)).toBe(false);
  });
});
