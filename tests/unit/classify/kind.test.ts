import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

describe('kind', () => {
  it('takes the series tag as an incident', () => {
    const r = classify(
      '【セキュリティ事件簿#2024-101】株式会社サンプル 不正アクセスに関するお知らせ 2024/2/1',
      '弊社サーバが不正アクセスを受けました。',
    );
    expect(r.kind).toBe('incident');
    expect(ruleOf(r, 'kind')).toBe('kind.incident.series-tag');
  });

  it.each([
    [
      '第2報 in the title',
      '【セキュリティ事件簿#2024-102】株式会社サンプル 不正アクセスについて(第2報) 2024/3/1',
      '調査結果をご報告します。',
    ],
    [
      '続報 in the title',
      '【セキュリティ事件簿#2024-103】サンプル市 個人情報流出について(続報)',
      '調査を継続しております。',
    ],
    [
      'a lead citing the earlier notice',
      '【セキュリティ事件簿#2024-104】株式会社サンプル 不正アクセスに関するお知らせ',
      '2024年2月1日付け「弊社サーバへの不正アクセス発生について」にて公表したとおり、弊社サーバが不正アクセスを受けました。',
    ],
    [
      'a lead saying "as reported"',
      '【セキュリティ事件簿#2024-105】株式会社サンプル 個人情報の流出について',
      '令和5年12月29日にご報告いたしましたとおり、当社のメールサーバーに不正アクセスがありました。',
    ],
    [
      'a progress report',
      '不正アクセスインシデントに関する対応の進捗状況について 2022年11月29日 株式会社サンプル',
      '2022年7月1日付の発表につき進捗をお知らせします。不正アクセスによる情報流出への対応です。',
    ],
    [
      'a court verdict',
      '顧客の資金を盗んだ元社員に実刑判決',
      '元社員が不正送金の罪で懲役5年の判決を受けた。',
    ],
  ])('marks an update: %s', (_what, title, body) => {
    expect(classify(title, body).kind).toBe('incident_update');
  });

  it('does not take a mention of a later report to the regulator as an update', () => {
    const r = classify(
      '【セキュリティ事件簿#2024-106】株式会社サンプル 不正アクセスによる個人情報漏洩に関するお詫び',
      '弊社サイトが不正アクセスを受けました。個人情報保護委員会には速報した後、続報を実施済みです。',
    );
    expect(r.kind).toBe('incident');
  });

  it('takes a PPC action as regulatory, naming the organisation acted upon', () => {
    const r = classify(
      '【セキュリティ事件簿#2024-107】個人情報保護委員会 株式会社サンプル及び株式会社ミホンに対する 個人情報の保護に関する法律に基づく行政上の対応について',
      '個人情報保護委員会は、株式会社サンプルに対し指導等を行いました。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.severity).toBe('info');
    expect(r.organization).toBe('株式会社サンプル');
  });

  it.each([
    [
      '株式会社サンプル 当社を装った不審なメールに関する注意喚起 2024年3月1日',
      '当社の社名を騙った不審なメールが送信されています。ご注意ください。',
      'kind.incident.impersonation-in-title',
    ],
    [
      '【注意喚起】サンプル銀行を装ったフィッシングサイトにご注意ください',
      'サンプル銀行を装ったフィッシングサイトが確認されています。',
      'kind.incident.impersonation-in-title',
    ],
    [
      '株式会社サンプル ランサムウェアグループによる犯行声明について',
      '当社の名称がリークサイトに掲載されていることを確認しました。',
      'kind.incident.named-victim-of-leak-claim',
    ],
  ])('takes a notice about the organisation itself as an incident: %s', (title, body, rule) => {
    const r = classify(title, body);
    expect(r.kind).toBe('incident');
    expect(ruleOf(r, 'kind')).toBe(rule);
  });

  it.each([
    [
      'LockBitのリークサイトに日本企業3社が掲載',
      'ランサムウェアグループLockBitのリークサイトに、国内企業3社の名前が掲載された。',
      'ransomware',
    ],
    [
      'JPCERT/CC、製品の脆弱性に関する注意喚起を公開',
      'JPCERT/CCは、脆弱性を悪用する攻撃を確認したとして注意喚起を公開した。',
      'other',
    ],
  ])('takes security news without one named victim as threat_intel: %s', (title, body, cause) => {
    const r = classify(title, body);
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe(cause);
  });

  it('takes news of a verdict on an insider as an update about a named kind of incident', () => {
    const r = classify(
      '元社員に有罪判決 顧客情報を不正に持ち出し',
      '顧客情報を不正に持ち出したとして、株式会社サンプルの元社員に有罪判決が言い渡された。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('insider');
  });

  it('takes a ministry order as regulatory, naming the company acted upon', () => {
    const r = classify(
      '経済産業省、株式会社サンプルペイメントに業務改善命令',
      '経済産業省は、クレジットカード番号等の漏えい事案を受け、業務改善命令を行った。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('株式会社サンプルペイメント');
  });

  it.each([
    [
      'a miles campaign that mentions cards and points',
      'PontaポイントからJALのマイル交換で20%アップキャンペーン(2024年3月1日~3月31日)',
      'JMBローソンPontaカードVisaを持っている人が対象。ポイントをマイルに交換する。口座やカードの話も出てくる。',
    ],
    [
      'a microfinance log',
      'Kivaローンで社会貢献しながらマイルをゲットできるか検証(2024年3月号)',
      '融資額:25USD(≒3,933円)。返済率:15%。クレジットを使う設定になる。',
    ],
    [
      'a Linux tip',
      'WSL2で名前解決ができない場合の対応',
      'resolv.confを書き換える。nameserver 8.8.8.8',
    ],
  ])('takes %s as off_topic', (_what, title, body) => {
    const r = classify(title, body);
    expect(r.kind).toBe('off_topic');
    expect(r.cause).toBe('other');
    expect(r.severity).toBe('info');
    expect(r.organization).toBeNull();
  });

  it.each([
    [
      'a leak-site victim list',
      'ランサムウェアギャングが発表した被害組織リスト(2024年1月~2月)',
      'LockBitが公開したランサムウェア被害組織の一覧。',
      'ransomware',
    ],
    [
      'a security tool write-up',
      'パープルチーム向け無料セキュリティ・ツール',
      'レッドチームは攻撃を模倣し、脆弱性を発見する。侵入検知やセキュリティ対策を扱う。',
      'other',
    ],
    [
      'a career article',
      'サイバーセキュリティ・キャリア・フレームワークを使うべきか?',
      'サイバーセキュリティ分野の人材とスキルのフレームワーク。セキュリティ教育。',
      'other',
    ],
  ])('takes %s as threat_intel with its topic cause', (_what, title, body, cause) => {
    const r = classify(title, body);
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe(cause);
    expect(r.severity).toBe('info');
  });

  it('takes a press release without the series tag as an incident', () => {
    const r = classify(
      '株式会社サンプル 弊社サーバーへの不正アクセスについてのお詫びとご報告 2022年11月14日',
      'サーバーにサイバー攻撃による不正アクセスが確認されました。',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('株式会社サンプル');
  });
});
