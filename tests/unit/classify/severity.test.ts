import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

const T = (headline: string) =>
  `【セキュリティ事件簿#2024-300】株式会社サンプル ${headline} 2024/3/1`;
const leak = (n: string) =>
  `不正アクセスにより、お客様の氏名、メールアドレス(${n}名)が漏えいした可能性があります。`;

describe('severity', () => {
  it.each([
    ['150,000', 'critical'],
    ['100,000', 'critical'],
    ['99,999', 'high'],
    ['10,000', 'high'],
    ['9,999', 'medium'],
    ['1,000', 'medium'],
  ])('%s people affected by an attack is %s', (n, level) => {
    expect(classify(T('不正アクセスに関するお詫び'), leak(n)).severity).toBe(level);
  });

  it('is medium for a leak by attack of a few people (the wrongful-intent trigger)', () => {
    const r = classify(T('不正アクセスに関するお詫び'), leak('12'));
    expect(r.severity).toBe('medium');
    expect(ruleOf(r, 'severity')).toBe('severity.wrongful-leak');
  });

  it('is low for a small leak by error', () => {
    expect(
      classify(
        T('メール誤送信のお詫び'),
        '誤送信により、お客様の氏名、メールアドレス(12名)が漏えいしました。',
      ).severity,
    ).toBe('low');
  });

  it('is critical for 1,000 or more payment cards and high for fewer', () => {
    const body = (n: string) =>
      `ペイメントアプリケーションの改ざんにより、クレジットカード情報(${n}件)が漏えいした可能性があります。漏えいした情報:カード番号、有効期限、セキュリティコード`;
    expect(
      classify(T('不正アクセスによるクレジットカード情報漏えい'), body('2,726')).severity,
    ).toBe('critical');
    expect(classify(T('不正アクセスによるクレジットカード情報漏えい'), body('427')).severity).toBe(
      'high',
    );
  });

  it('is high for medical data at any count', () => {
    const r = classify(
      T('個人情報の紛失について'),
      'USBメモリを紛失しました。保存されていた個人情報:患者15名分の氏名、診断名',
    );
    expect(r.severity).toBe('high');
    expect(ruleOf(r, 'severity')).toBe('severity.sensitive-data');
  });

  it('is high for a stolen laptop holding patients\u2019 diagnoses, a password being no protection', () => {
    const r = classify(
      T('患者情報を含むノートパソコンの盗難について'),
      '医師が車内に置いていたノートパソコンが盗難にあいました。パソコンには患者約800名の氏名、病名、検査結果が保存されていました。パソコンにはパスワードを設定しておりました。',
    );
    expect(r.cause).toBe('loss_theft');
    expect(r.dataTypes).toEqual(['name', 'medical']);
    expect(r.affected).toBe(800);
    expect(r.severity).toBe('high');
  });

  it('drops leak facts when a finished investigation found no leak', () => {
    const r = classify(
      T('個人情報管理に関するお詫び'),
      '設定を誤って公開に変更し、3763名の氏名や口座番号が閲覧可能な状態でした。調査したところ、外部の第三者からのアクセスはなく、情報流出がなかったことを確認しております。',
    );
    expect(r.severity).toBe('low');
    expect(r.affected).toBeNull();
    expect(r.reasons.some((x) => x.rule === 'severity.no-leak-concluded')).toBe(true);
  });

  it('keeps leak facts when the no-leak statement is provisional (現時点で)', () => {
    const r = classify(
      T('不正アクセスに関するお詫び'),
      '不正アクセスにより、お客様の個人情報(25,000名分)が漏洩した可能性があります。現時点で、個人情報の流出は確認されておりません。',
    );
    expect(r.severity).toBe('high');
    expect(r.affected).toBe(25000);
  });

  it('drops leak facts for data encrypted before it was lost', () => {
    const r = classify(
      T('USBメモリの紛失について'),
      '患者6,146名分の氏名、病名を記録したUSBメモリを紛失しました。当該USBメモリには自動暗号化を設定しております。',
    );
    expect(r.severity).toBe('low');
    expect(r.reasons.some((x) => x.rule === 'severity.data-was-encrypted')).toBe(true);
  });

  it('is critical when the attack stopped systems, and says so in disruption', () => {
    const r = classify(
      T('ランサムウェア感染被害のお知らせ'),
      'サーバーがランサムウェアに感染し、業務データが暗号化されアクセス不能な状況となっております。',
    );
    expect(r.severity).toBe('critical');
    expect(r.disruption).toBe(true);
  });

  it('is high, not critical, for ransomware that the post says had no impact', () => {
    const r = classify(
      T('ランサムウェアによる被害について'),
      'サーバーがランサムウェアに感染しました。業務への影響はありません。',
    );
    expect(r.severity).toBe('high');
    expect(r.disruption).toBe(false);
  });

  it('is critical when an attack stopped patient care, even though the hospital says it stopped it', () => {
    const r = classify(
      T('電子カルテシステムの障害について'),
      'サイバー攻撃により電子カルテシステムが利用できなくなり、外来診療を停止しております。',
    );
    expect(r.severity).toBe('critical');
    expect(r.disruption).toBe(true);
  });

  it('is low for an intrusion into a public website with no data involved', () => {
    expect(
      classify(
        T('ホームページへの不正アクセスについて'),
        'ホームページへの不正アクセスがありました。調査を継続しています。',
      ).severity,
    ).toBe('low');
  });

  it('does not count a precautionary shutdown as an outage', () => {
    const r = classify(
      T('不正アクセスについて'),
      'サーバーへの不正アクセスを確認したため、念のためサービスを停止いたしました。',
    );
    expect(r.disruption).toBe(false);
    expect(r.severity).toBe('medium');
  });

  it('is medium for spam sent to a large uncounted audience and low for a counted few', () => {
    const mass = classify(
      T('メールアカウントへの不正アクセス'),
      'メールアカウントが不正利用され、不特定多数の方に迷惑メールが送信されました。',
    );
    const few = classify(
      T('メールアカウントへの不正アクセス'),
      'メールアカウントが不正ログインされ、795件の迷惑メールが送信されました。',
    );
    expect(mass.severity).toBe('medium');
    expect(few.severity).toBe('low');
  });

  it('is low for a domain re-registration notice', () => {
    expect(
      classify(
        T('ドメインが第三者に再取得されました'),
        '過去に使用していたドメインが第三者に再取得されていることが判明しました。',
      ).severity,
    ).toBe('low');
  });

  it('is medium for an intrusion into internal systems with the post silent on data', () => {
    expect(
      classify(
        T('海外子会社への不正アクセスについて'),
        '子会社において第三者による不正アクセスを確認しました。調査中です。',
      ).severity,
    ).toBe('medium');
  });

  it('explains every level it considered, the deciding one first', () => {
    const r = classify(
      T('ランサムウェア感染'),
      'サーバーがランサムウェアに感染し、システム障害が発生しました。',
    );
    expect(r.reasons.filter((x) => x.label === 'severity')).toHaveLength(1);
    expect(r.reasons.find((x) => x.label === 'severity')).toMatchObject({
      value: 'critical',
      rule: 'severity.outage',
    });
    expect(
      r.reasons.some((x) => x.label === 'severity-fact' && x.rule === 'severity.ransomware'),
    ).toBe(true);
  });
});
