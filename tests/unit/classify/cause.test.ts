import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

const T = (headline: string) =>
  `【セキュリティ事件簿#2024-200】株式会社サンプル ${headline} 2024/3/1`;

describe('cause and the spec tie-breaks', () => {
  it('rule 1: ransomware that came in through a VPN flaw is ransomware, with the intrusion secondary', () => {
    const r = classify(
      T('ランサムウェア感染被害のお知らせ'),
      'VPN装置の脆弱性を悪用した不正アクセスにより侵入され、サーバーがランサムウェアに感染し、データが暗号化されました。不正アクセスの経路を調査中です。',
    );
    expect(r.cause).toBe('ransomware');
    expect(r.secondaryCauses).toContain('unauthorized_access');
  });

  it('rule 2: a mail account misused is account_compromise even when called 不正アクセス', () => {
    const r = classify(
      T('メールアカウントへの不正アクセスについて'),
      '当社従業員のメールアカウントが第三者による不正アクセスを受け、迷惑メールが送信されました。',
    );
    expect(r.cause).toBe('account_compromise');
    expect(ruleOf(r, 'cause')).toBe('cause.tie-break-2.account-entered');
  });

  it('rule 2: an unnamed サイバー攻撃 on a server is unauthorized_access', () => {
    expect(
      classify(
        T('弊社サーバーへのサイバー攻撃について'),
        '複数のサーバに対して第三者のサイバー攻撃を受けました。',
      ).cause,
    ).toBe('unauthorized_access');
  });

  it('rule 2: website defacement is unauthorized_access', () => {
    expect(
      classify(
        T('ホームページ改ざんに関するお詫び'),
        'ホームページが改ざんされ、別サイトへ誘導される状況が確認されました。',
      ).cause,
    ).toBe('unauthorized_access');
  });

  it('rule 3: an employee using colleagues\u2019 logins on purpose is insider', () => {
    const r = classify(
      'いたずらで同僚のIDを使った市職員を懲戒処分',
      '職員が他の職員18人のIDとパスワードを使い不正にログインし、いたずらの書き込みをした。',
    );
    expect(r.cause).toBe('insider');
    expect(ruleOf(r, 'cause')).toBe('cause.tie-break-3.insider-actor');
  });

  it('rule 4: a CC instead of BCC is misdelivery', () => {
    expect(
      classify(
        T('メールアドレス流出に関するお詫び'),
        'メールをBCCで送信すべきところ、CCで送信してしまいました。',
      ).cause,
    ).toBe('misdelivery');
  });

  it('rule 4: data reachable through a wrong access setting is misconfiguration', () => {
    expect(
      classify(
        T('個人情報漏えいのお詫び'),
        'フォームの設定不備により、個人情報を第三者が閲覧できる状態になっていました。',
      ).cause,
    ).toBe('misconfiguration');
  });

  it('rule 4: a wrong file published on a web page is misdelivery', () => {
    expect(
      classify(
        T('個人情報流出について'),
        '誤って個人情報が含まれた作業用のファイルを添付して公開していました。',
      ).cause,
    ).toBe('misdelivery');
  });

  it('rule 5: a tech-support scam is phishing with unauthorized_access secondary', () => {
    const r = classify(
      T('不正アクセスについて'),
      '職員が詐欺広告の誘導により電話をかけ、遠隔操作ソフトをインストールされ、PCを操作されました。',
    );
    expect(r.cause).toBe('phishing');
    expect(r.secondaryCauses).toEqual(['unauthorized_access']);
  });

  it('takes card data stolen at payment as web_skimming', () => {
    expect(
      classify(
        T('不正アクセスによる個人情報漏えいに関するお詫び'),
        'システムの脆弱性をついた不正アクセスにより、ペイメントアプリケーションの改ざんが行われました。',
      ).cause,
    ).toBe('web_skimming');
  });

  it.each([
    ['loss_theft', 'USBメモリの紛失について', '個人情報を保存したUSBメモリを紛失しました。'],
    [
      'domain_hijack',
      '使用していたドメインが第三者に再取得されました',
      '過去に使用していたドメインが第三者に再取得されていることが判明しました。',
    ],
    [
      'ddos',
      '当社サーバーに対する外部攻撃',
      'サーバーに対して大規模な DDoS 攻撃が断続的に行われています。',
    ],
  ])('recognises %s', (cause, headline, body) => {
    expect(classify(T(headline), body).cause).toBe(cause);
  });

  it.each([
    [
      'insider',
      '元従業員による顧客情報の持ち出しについて',
      '退職した従業員が在職中に顧客情報を不正に持ち出していたことが判明しました。',
    ],
    [
      'insider',
      '内部不正による情報漏えいについて',
      '当社従業員による内部不正により、顧客情報が第三者に渡っていました。',
    ],
    ['misdelivery', '郵便物の誤配達について', '請求書を別のお客様宛に誤配達しました。'],
    ['misdelivery', 'FAX誤送信のお詫び', '顧客情報を記載した書類を誤送信しました。'],
    [
      'misconfiguration',
      'マイページでの他のお客様情報の誤表示について',
      'システムの不具合により、他のお客様の情報が誤表示される事象が発生しました。',
    ],
    [
      'malware',
      'Emotet感染に関するお詫び',
      '当社の端末がマルウェアEmotetに感染し、なりすましメールが送信されていることを確認しました。',
    ],
    [
      'account_compromise',
      '不正ログインに関するお知らせ',
      '第三者によるリスト型攻撃と思われる不正ログインが発生し、会員アカウントが不正に利用されました。',
    ],
  ])('reads other wordings of a cause: %s (%s)', (cause, headline, body) => {
    expect(classify(T(headline), body).cause).toBe(cause);
  });

  it('ignores a cause word inside a quoted product name', () => {
    const r = classify(
      T('送信メールデータの流出の可能性について'),
      '「メール誤送信対策サービス」を委託する会社のシステムが不正アクセスを受け、メールデータが窃取可能な状態でした。',
    );
    expect(r.cause).toBe('unauthorized_access');
  });

  it('ignores a cause that the post denies', () => {
    const r = classify(
      T('個人情報漏えいに関するお詫び'),
      'システム不具合により他のユーザーの書類が表示されました。当事象は不正アクセス等に起因するものではなく、システム不具合によるものです。',
    );
    expect(r.cause).toBe('misconfiguration');
  });

  it('names the words that decided the cause', () => {
    const reason = classify(
      T('メールアドレス流出に関するお詫び'),
      'BCCで送るべきところCCで送信しました。',
    ).reasons.find((x) => x.label === 'cause');
    expect(reason?.evidence.join(' ')).toMatch(/CC/);
  });
});
