import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

const T = '【セキュリティ事件簿#2024-400】株式会社サンプル 個人情報漏えいに関するお詫び 2024/3/1';

describe('data types', () => {
  it('reads the items of a list under a leak heading', () => {
    const r = classify(
      T,
      '不正アクセスを受けました。\n漏えいした可能性のある情報は以下のとおりです。\n氏名\n住所\n電話番号\nメールアドレス\n生年月日\nカード番号\n有効期限\n注文履歴\n性別',
    );
    expect(r.dataTypes).toEqual([
      'name',
      'address',
      'phone',
      'email',
      'birthdate',
      'credit_card',
      'purchase_history',
      'other',
    ]);
  });

  it('does not add credit_card when the post says card data was not included', () => {
    const r = classify(
      T,
      '不正アクセスにより氏名、メールアドレスが漏えいしました。なお、クレジットカード情報は含まれておりません。',
    );
    expect(r.dataTypes).toEqual(['name', 'email']);
  });

  it('does not add items the post says did not leak', () => {
    const r = classify(
      T,
      'メールアドレスが流出しました。個人を特定する情報(名前、住所、電話番号、マイナンバーなど)は一切外部へ流出していないことが確認されました。',
    );
    expect(r.dataTypes).toEqual(['email']);
  });

  it('ignores items in advice and recurrence-prevention sentences', () => {
    const r = classify(
      T,
      'ホームページが改ざんされました。同じパスワードを使っている場合はパスワードを変更いただきますようお願いいたします。',
    );
    expect(r.dataTypes).toEqual([]);
  });

  it.each([
    ['medical', '漏えいした情報:患者ID、病名、診療科'],
    ['my_number', '漏えいした情報:マイナンバー'],
    ['bank_account', '流出した個人情報:氏名、口座番号'],
    ['credentials', '漏えいした可能性のある情報:ログインID、パスワード'],
  ])('recognises %s', (type, body) => {
    expect(classify(T, body).dataTypes).toContain(type);
  });

  it('reads a bulleted list under a bracketed heading', () => {
    const r = classify(
      T,
      '不正アクセスを受けました。\n【漏えいした可能性のある情報】\n・会員ID\n・パスワード(ハッシュ化済み)\n・ニックネーム',
    );
    expect(r.dataTypes).toEqual(['credentials', 'other']);
  });

  it('ignores contact details of the organisation itself', () => {
    expect(
      classify(T, 'お問い合わせ窓口 電話番号:0120-000-000 メールアドレス:info@example.com')
        .dataTypes,
    ).toEqual([]);
  });

  it('is empty where the post names no items', () => {
    expect(classify(T, 'サーバーが不正アクセスを受けました。詳細は調査中です。').dataTypes).toEqual(
      [],
    );
  });

  it('reads a list item that no named type covers as other', () => {
    const r = classify(
      T,
      '不正アクセスにより、お客様の氏名、電話番号、車台番号、車検の満了日等が外部に流出した可能性があります。',
    );
    expect(r.dataTypes).toEqual(['name', 'phone', 'other']);
    expect(r.reasons.find((x) => x.label === 'dataTypes')?.evidence).toContain('車台番号');
  });

  it('reads health and card details beside medical and card data as no further type', () => {
    const health = classify(
      T,
      '不正アクセスにより、受診者の氏名、生年月日、健康診断の結果、身長、血圧の値が流出した可能性があります。',
    );
    expect(health.dataTypes).toEqual(['name', 'birthdate', 'medical']);
    const card = classify(
      T,
      '不正アクセスにより、クレジットカード番号、有効期限、カード名義人が流出した可能性があります。',
    );
    expect(card.dataTypes).toEqual(['name', 'credit_card']);
  });

  it('does not read a list item as other where the post says it did not leak', () => {
    const r = classify(
      T,
      '不正アクセスにより氏名が流出しました。なお、住所、車台番号は流出していないことを確認しております。',
    );
    expect(r.dataTypes).toEqual(['name']);
  });

  it('does not read a site or a file in a data list as other', () => {
    const r = classify(
      T,
      '不正アクセスにより、会員の氏名、メールアドレス、ご登録のECサイト、作業用のファイル等が流出した可能性があります。',
    );
    expect(r.dataTypes).toEqual(['name', 'email']);
  });
});
