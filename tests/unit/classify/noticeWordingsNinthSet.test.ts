/**
 * Wordings found missing by the blind set authored-s, each tested on a post written for this
 * test about a fictional organisation (not the set's sentences): an intrusion into a public shop
 * and card data whose leak is not confirmed; a regulator's headline that names only 「県内の…会社」; posts on a hijacked
 * social account, which are no one's data; a finding that members' data was not affected
 * (影響はなかったことを確認); and items a notice says it did not write, hold or register
 * (記載しておりません, 流出したことは確認されておりません). Guards beside them pass on the
 * rules before and after (登録されておりません among them: the rules before read it already).
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf } from '../../helpers/classify.js';

describe('a shop attacked, and a card leak not confirmed', () => {
  it('reads an intrusion into the public shop as no internal intrusion, and unconfirmed card data as none', () => {
    const r = classify(
      'オンラインショップ休止のお知らせ',
      '決済代行会社より、弊社が運営する通販サイトが第三者による不正アクセスを受けている可能性があるとの連絡があり、同日からショップを休止しております。現時点では、お客様のクレジットカード情報が流出したことは確認されておりません。ご不便をおかけし、お詫び申し上げます。\n株式会社ためし化粧品',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'unauthorized_access',
      severity: 'low',
    });
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.organization).toBe('株式会社ためし化粧品');
  });
});

describe('a regulator\u2019s headline that names no one', () => {
  it('takes the company the lead names, not 「県内の旅行会社」', () => {
    const r = classify(
      'ためし県、県内の旅行会社に業務改善命令　参加者名簿を誤送信',
      'ためし県は5日、株式会社ためしツアーズに対し、旅行業法に基づく業務改善命令を出した。県によると、同社は参加者名簿を別の学校の担当者にメールで誤って送っていた。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('株式会社ためしツアーズ');
  });
});

describe('a hijacked social account that leaked nothing', () => {
  it('does not count the posts made from it as people', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-950】一般社団法人ためし観光協会 公式SNSアカウントの不正ログインについて 2026/12/1',
      '当協会が運営する公式Xアカウントに第三者がログインし、会員向けの情報として投資を勧める内容の投稿が4件行われました。パスワードを変更して管理を取り戻し、投稿はすべて削除いたしました。',
    );
    expect(r.affected).toBeNull();
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'account_compromise',
      severity: 'low',
    });
  });

  it('reads 「…の個人情報にも影響はなかったことを確認」 as a concluded finding of no leak', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-953】一般社団法人ためし観光協会 会員管理システムへの不正アクセスについて 2026/12/1',
      '当協会の会員管理システムに外部から不正アクセスがありました。システムには会員2,300名の氏名と連絡先が保存されています。調査の結果、会員様の個人情報にも影響はなかったことを確認しております。',
    );
    expect(r.affected).toBeNull();
    expect(r.severity).toBe('low');
  });
});

describe('items a notice says were not there', () => {
  it('reads 「口座番号やクレジットカード番号は記載しておりません」 as neither item', () => {
    const r = classify(
      'お客様宛て書類の誤送付に関するお詫び',
      '当社からお送りした書類の一部に、別のお客様の書類が同封されていました。21名様分の書類が他のお客様のもとに届いており、氏名、住所、契約番号が記載されております。口座番号やクレジットカード番号は記載しておりません。\n株式会社ためし保険サービス',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.dataTypes).not.toContain('bank_account');
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'misdelivery', severity: 'low' });
  });

  it('guard: reads 「預金口座に関する情報…は…登録されておりません」 as no bank data', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-951】ためし信用金庫 委託先サービスへの不正アクセスについて 2026/12/1',
      '当金庫が来店予約に利用している委託先のサービスが不正アクセスを受け、予約されたお客様1,210名の氏名と電話番号が閲覧された可能性があります。預金口座に関する情報やキャッシュカードの暗証番号は本サービスに登録されておりません。',
    );
    expect(r.dataTypes).not.toContain('bank_account');
    expect(r.severity).toBe('medium');
  });

  it('guard: still reads bank data a notice says was stored', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-952】ためし信用金庫 委託先サービスへの不正アクセスについて 2026/12/1',
      '委託先のサービスが不正アクセスを受け、お客様1,210名の氏名と口座番号が閲覧された可能性があります。',
    );
    expect(r.dataTypes).toContain('bank_account');
    expect(r.severity).toBe('high');
  });
});
