import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

const TITLE = '【セキュリティ事件簿#2024-100】株式会社テスト 個人情報漏えいに関するお詫び 2024/3/1';

function affectedOf(body: string): number | null {
  return classify(TITLE, `株式会社テストにおいて不正アクセスが発生しました。\n${body}`).affected;
}

describe('people affected', () => {
  it.each<[string, string, number | null]>([
    ['a plain count of people', 'お客様の個人情報(12,345名)が漏えいした可能性があります。', 12345],
    ['a comma followed by a space', '個人情報 1, 234名分が流出した可能性があります。', 1234],
    ['full-width digits (NFKC)', '個人情報１２，３４５件が流出しました。', 12345],
    ['約 with 万', '氏名・住所 約2.2万件が漏えいした可能性があります。', 22000],
    ['万 and 千 together', '会員情報 3万5千人分が流出した可能性があります。', 35000],
    ['kanji numerals', '会員の個人情報二万件が流出した可能性があります。', 20000],
    ['最大 counts as the figure', '個人情報最大5,521件が漏えいした可能性があります。', 5521],
    [
      'a stated total wins over its parts',
      '住所 205件\n氏名 238件 計443件\nの個人情報が流出しました。',
      443,
    ],
    ['合計 marks a total', '個人情報が漏えいした方は合計約 596 万人分です。', 5960000],
    [
      'an included figure does not add',
      'カード情報5,069件を含む個人情報(14,933件)が閲覧された可能性があります。',
      14933,
    ],
    [
      'うち in parentheses is part of the total',
      '個人情報が漏えいした22,234 名(うちクレジットカード情報 2,061 名)のお客様',
      22234,
    ],
    [
      'people beat records',
      'カード情報(427件)が流出し、対象のお客様424人に連絡しました。個人情報の漏えいです。',
      424,
    ],
    [
      'separate groups listed one per line add up',
      '漏えいした個人情報\n患者情報 氏名、病名 2,533名分\n職員情報 (面談記録) 8名分',
      2541,
    ],
    [
      'a list line that is the sum of the others is their total',
      '漏えいした個人情報\n件数 184件\n配信済みのお客様 19件\n配信予定のお客様 165件',
      184,
    ],
    [
      'a breakdown under 内訳 is not added again',
      '流出した個人情報等\n学内教職員 485件\n内訳・・・氏名・メールアドレス 89件\n氏名のみ 396件\n学内学生 849件',
      1334,
    ],
    [
      'groups that may be the same people take the larger',
      'カード情報が漏えいした可能性のあるお客様4,583名で、その他の個人情報が漏えいした可能性のあるお客様65,520名です。',
      65520,
    ],
    [
      'mails sent as spam are not people',
      '約3万件の外部メールアドレス宛にフィッシングメールが送信されました。',
      null,
    ],
    ['a mail count under its heading is not people', '送信されたメール件数\n129,975件', null],
    ['money is not people', '約168億円を不正に送金しました。個人情報の漏えいはありません。', null],
    ['dates and years are not people', '2024年1月19日に個人情報の漏えいが判明しました。', null],
    ['percentages are not people', '個人情報の漏えい率は20%です。', null],
    ['phone numbers are not people', 'お問い合わせ 0120-123-456 個人情報に関する窓口', null],
    ['times are not people', '10時35分に個人情報を含むメールを送信しました。', null],
    [
      'access counts are records, not people',
      '個人情報が閲覧可能でしたが、学外からのアクセスは13件でした。氏名 のべ378名分',
      378,
    ],
    [
      'a count far from any data word is ignored',
      '当社の従業員1名のメールアカウントが不正アクセスを受けました。',
      null,
    ],
    [
      'a figure excluded with を除く is ignored',
      '生徒 80 名分の試験成績(未受検者 7 名分を除く)が漏えいしました。',
      80,
    ],
    [
      'groups enumerated in one pair of parentheses add up',
      '学生(1年生 120名、2年生 115名、3年生 130名)の成績一覧が閲覧可能な状態でした。',
      365,
    ],
    [
      'counts each in its own parentheses (per-field counts) do not add up',
      '漏えいした個人情報:会社名(5,534名)、生年月日(49,510名)、職業(49,552名)',
      49552,
    ],
    [
      'a population before のうち is not the affected figure',
      '従業員約3,000名のうち、約50名分の個人情報が流出しました。',
      50,
    ],
    [
      '万 followed by a comma-grouped remainder',
      '漏えいした可能性のある個人情報は、お客様1万2,345名分の氏名、住所です。',
      12345,
    ],
    [
      'list groups under a heading a few lines up add up',
      '【対象件数】\n個人のお客様 1,200名\n法人のお客様の担当者 300名',
      1500,
    ],
    [
      'a count followed by "…の氏名を含むファイル" is people, not an included figure',
      '教員が学生120名の氏名及び成績を含むファイルを誤って送信しました。',
      120,
    ],
    [
      'records count only when no people are given',
      '写真データ 1,229 枚が流出した可能性があります。',
      1229,
    ],
  ])('%s', (_what, body, expected) => {
    expect(affectedOf(body)).toBe(expected);
  });

  it('names the rule that picked the figure', () => {
    const result = classify(TITLE, '漏えいした個人情報\n住所 205件\n氏名 238件 計443件');
    expect(ruleOf(result, 'affected')).toBe('affected.stated-total');
    expect(result.reasons.find((r) => r.label === 'affected')?.evidence[0]).toContain('計443件');
  });
});
