/**
 * Severity read from how notices word things, on posts written for these
 * tests (fictional organisations): a device's password is protection, not
 * leaked credentials; a stop that follows an outage leaves it an outage;
 * people "shown" a figure count; a lost item in a personal diary is no event.
 */
import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

const T = (headline: string) =>
  `【セキュリティ事件簿#2025-500】株式会社ためし商会 ${headline} 2025/4/1`;

describe('severity from the wording of notices', () => {
  it('a lost USB stick "without password protection" leaks names, not credentials', () => {
    const r = classify(
      T('顧客情報を含むUSBメモリの紛失について'),
      '当社従業員が、USBメモリを紛失しました。\n' +
        '紛失した情報\n' +
        'お客様3名の氏名です。\n' +
        'USBメモリにパスワード等の保護は設定されていませんでした。',
    );
    expect(r.dataTypes).toContain('name');
    expect(r.dataTypes).not.toContain('credentials');
    expect(r.severity).toBe('low');
  });

  it('a file password sent in a second mail is protection, not a leaked password', () => {
    const r = classify(
      T('お客様情報を含むファイルの誤送信について'),
      '担当者が、お客様の氏名と電話番号を記載したファイルを別のお取引先へ誤送信しました。\n' +
        '誤送信した情報\n' +
        'ファイルを開くためのパスワードを記載したメール',
    );
    expect(r.dataTypes).not.toContain('credentials');
    expect(r.severity).not.toBe('high');
  });

  it('an attack that made the service unreachable is an outage, though a suspension followed', () => {
    const r = classify(
      T('サイバー攻撃によるサービス停止について'),
      '第三者による大規模なDDoS攻撃を受け、サーバーへの接続がほぼできない状態となったため、サービスを一時停止いたしました。',
    );
    expect(r.severity).toBe('critical');
    expect(r.disruption).toBe(true);
    expect(ruleOf(r, 'severity')).toBe('severity.outage');
  });

  it('a suspension chosen as a precaution before any outage stays no outage', () => {
    const r = classify(
      T('不正アクセスに関するお知らせ'),
      '当社サーバーへの不正アクセスを確認したため、念のためサービスを一時停止し、接続できない状態としております。',
    );
    expect(r.disruption).toBe(false);
    expect(r.severity).not.toBe('critical');
  });

  it('counts the people a mistake "showed" addresses to (表示されたのは1,200名)', () => {
    const r = classify(
      T('メールマガジン配信時のメールアドレスの流出について'),
      '配信時にBCCで送信すべきところ、宛先欄に入力して送信しました。\n' +
        '1. 影響範囲\n' +
        'メールアドレスが他の受信者に表示されたのは、1,200名の方です。',
    );
    expect(r.affected).toBe(1200);
    expect(r.severity).toBe('medium');
  });

  it('data a phishing site asks for is not leaked data', () => {
    const r = classify(
      '【注意喚起】当行を装った不審なSMSにご注意ください',
      '当行を装ったSMSが確認されています。リンク先の偽サイトでは、ログインIDやパスワードの入力を求められます。',
    );
    expect(r.dataTypes).not.toContain('credentials');
  });

  it('a travel diary that mentions a lost room key is off-topic', () => {
    const r = classify(
      '南浜の温泉宿と、ホテルで鍵を紛失した話 2025/4/2',
      '週末に1泊で温泉へ出かけました。夕食のあと、部屋の鍵を紛失したことに気づきました。' +
        'フロントで新しい鍵を作ってもらい、翌朝、鞄の中から見つかりました。セキュリティもしっかりした宿でした。',
    );
    expect(r.kind).toBe('off_topic');
    expect(r.severity).toBe('info');
  });

  it('a lost laptop with customer data is still an incident', () => {
    const r = classify(
      '業務用パソコンの紛失について',
      '当社従業員が、お客様の氏名と住所を保存した業務用パソコンを紛失しました。ご迷惑をおかけし、深くお詫び申し上げます。',
    );
    expect(r.kind).toBe('incident');
  });

  it('a finished finding that outsiders never accessed the file lowers it (アクセスは一切なかった)', () => {
    const r = classify(
      T('個人情報を含むファイルの閲覧可能状態に関する調査結果のご報告'),
      'クラウド上のファイルが外部から閲覧可能な状態となっていました。対象は会員1,800名の氏名です。' +
        'アクセス記録を確認した結果、外部の第三者によるアクセスは一切なかったことを確認いたしました。' +
        '以上から、個人情報の漏えいはなかったものと判断しております。',
    );
    expect(ruleOf(r, 'severity')).toBe('severity.no-leak-concluded');
    expect(r.severity).toBe('low');
    expect(r.affected).toBeNull();
  });

  it('counts the cards a figure names, not the larger figure that includes them', () => {
    const r = classify(
      T('不正アクセスによる個人情報漏えいについて'),
      '第三者による不正アクセスを受け、お客様のクレジットカード情報800件を含む個人情報2,600件が漏えいした可能性があります。',
    );
    expect(r.dataTypes).toContain('credit_card');
    expect(r.severity).toBe('high');
  });

  it('masked card and account digits (下4桁のみ) are not card or bank data', () => {
    const r = classify(
      T('会員ページにおける他のお客様情報の誤表示について'),
      'システムの設定誤りにより、会員ページに他のお客様の氏名と住所が表示されました。' +
        '表示されたカード番号は下4桁のみ、口座番号は下3桁のみです。',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.dataTypes).not.toContain('bank_account');
  });
});
