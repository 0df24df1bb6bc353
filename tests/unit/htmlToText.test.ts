import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/text/htmlToText.js';

describe('htmlToText', () => {
  it('turns paragraphs, <br> and list items into separate lines', () => {
    expect(htmlToText('<p>一行目<br />二行目</p><ul><li>氏名</li><li>住所</li></ul>')).toBe(
      '一行目\n二行目\n氏名\n住所',
    );
  });

  it('decodes named, decimal and hex entities', () => {
    expect(htmlToText('A&amp;B &lt;x&gt; &#12354;&#x3044; &quot;q&quot;&nbsp;end')).toBe(
      'A&B <x> あい "q" end',
    );
  });

  it('leaves unknown named entities as written', () => {
    expect(decodeEntities('&unknown; &amp;')).toBe('&unknown; &');
  });

  it('applies NFKC so full-width digits and letters become ASCII', () => {
    expect(htmlToText('<p>１２，３４５名のＵＳＢメモリ</p>')).toBe('12,345名のUSBメモリ');
  });

  it('folds runs of spaces (including ideographic spaces) and drops blank lines', () => {
    expect(htmlToText('<p>  a \u3000  b </p>\n\n<p></p><p>c</p>')).toBe('a b\nc');
  });

  it('drops scripts, styles and comments', () => {
    expect(htmlToText('<style>p{}</style><script>alert(1)</script><!-- x --><p>本文</p>')).toBe(
      '本文',
    );
  });

  it('passes plain text through', () => {
    expect(htmlToText('ただのテキスト')).toBe('ただのテキスト');
  });
});
