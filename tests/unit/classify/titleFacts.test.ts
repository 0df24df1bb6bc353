import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('facts from the title', () => {
  it('reads the incident id, padding short numbers', () => {
    expect(
      classify('【セキュリティ事件簿#2024-67】サンプル市 お知らせ', '不正アクセス').incidentId,
    ).toBe('2024-067');
    expect(
      classify('【セキュリティ事件簿#2023-456】サンプル市 お知らせ', '不正アクセス').incidentId,
    ).toBe('2023-456');
    expect(
      classify('株式会社サンプル 不正アクセスのお知らせ', '不正アクセス').incidentId,
    ).toBeNull();
  });

  it.each([
    [
      '【セキュリティ事件簿#2024-067】サンプル県が使用していたドメインが第三者に再取得されました 2024/1/19',
      'サンプル県',
    ],
    [
      '【セキュリティ事件簿#2024-066】株式会社サンプル 弊社Webサイトへの不正アクセスについて 2024/1/15',
      '株式会社サンプル',
    ],
    [
      '【セキュリティ事件簿#2024-058】サンプルホールディングス 株式会社 当社グループへの不正アクセス 2024/2/19',
      'サンプルホールディングス 株式会社',
    ],
    [
      '【セキュリティ事件簿#2024-060】サンプル市のメール中継サーバの不正中継について 2024/2/22',
      'サンプル市',
    ],
    [
      'J.サンプル リテイリング株式会社 個人情報の取り扱いに関するお詫び 2022年11月28日',
      'J.サンプル リテイリング株式会社',
    ],
    [
      '不正アクセスインシデントに関する対応の進捗状況について 2022年11月29日 株式会社サンプルペイメント',
      '株式会社サンプルペイメント',
    ],
    [
      '【セキュリティ事件簿#2024-025】横浜市立みなと病院 個人情報の紛失について',
      '横浜市立みなと病院',
    ],
    ['イタズラのために不正アクセスを行ったサンプル市の職員が懲戒処分を受ける', 'サンプル市'],
  ])('takes the organisation of %s', (title, org) => {
    expect(classify(title, '不正アクセスにより個人情報が漏えいしました。').organization).toBe(org);
  });

  it('takes the operator named in the post when the title names only a service', () => {
    const r = classify(
      '【セキュリティ事件簿#2024-016】「サンプルのかんたん申請」における個人情報漏えいに関するお詫び',
      'サンプル株式会社は、当社が提供するサービスにおいて情報が漏えいした可能性を確認しました。',
    );
    expect(r.organization).toBe('サンプル株式会社');
  });

  it('takes the announcement date at the end of the title', () => {
    expect(
      classify(
        '【セキュリティ事件簿#2024-057】サンプル病院 令和 5 年 12 月 4 日に発生いたしました不正アクセスにつきまして 2024/2/7',
        '不正アクセス',
      ).disclosedOn,
    ).toBe('2024-02-07');
    expect(
      classify('株式会社サンプル 不正アクセスについて 2023年6月13日', '不正アクセス').disclosedOn,
    ).toBe('2023-06-13');
  });

  it('does not take a campaign or sale period as the announcement date', () => {
    const published = '2024-02-29T15:30:00.000Z';
    expect(
      classify('ポイント購入ボーナスセール(~2024年3月31日)', 'マイル', published).disclosedOn,
    ).toBe('2024-03-01');
    expect(
      classify('マイル交換キャンペーン(2024年3月1日~3月31日)', 'マイル', published).disclosedOn,
    ).toBe('2024-03-01');
  });

  it('falls back to the published date, in Japan time, when the title has none', () => {
    expect(
      classify(
        '【セキュリティ事件簿#2024-039】サンプル病院 メールアカウントの不正使用',
        '不正使用',
        '2024-02-21T16:00:00.000Z',
      ).disclosedOn,
    ).toBe('2024-02-22');
  });
});
