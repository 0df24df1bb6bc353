/**
 * Wordings found missing by the blind sets authored-m … authored-o, each tested on a post
 * written for this test about a fictional organisation (not the sets' sentences): an outage
 * told after a containment step (切り離しましたが、…利用できない), denials that put a verb
 * before もの (流出が発生したものではございません, 流出したりしたことはない), the password of
 * the hijacked account itself, a defaced site of any name, a wave of attacks with no victim,
 * and organisations behind a bare legal form (NPO法人、…), a shop's title (オンラインショップ「…」)
 * run by an operator the post names, a heading line that addresses readers and 「○○市では、」;
 * mails counted as 「…通が送られ」, and a page's 不具合 showing other members' data.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf, ruleOf } from '../../helpers/classify.js';

describe('outages told after a containment step', () => {
  it('keeps the outage where systems could not be used after the network was cut off', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-990】ためし工業株式会社 ランサムウェア被害について 2026/12/1',
      '当社の設計サーバーのファイルが暗号化され、身代金を求める文書が見つかりました。感染の拡大を防ぐため、社内ネットワークをインターネットから遮断しましたが、受発注システムが使用できない状態となり、全工場で製品の出荷を停止しております。',
    );
    expect(r.severity).toBe('critical');
    expect(r.disruption).toBe(true);
  });

  it('still reads a stop chosen to contain the attack as no outage', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-991】ためし物流株式会社 ランサムウェア被害について 2026/12/1',
      '当社の経理用サーバーのファイルが暗号化されました。感染の拡大を防ぐため、念のため全サーバーを停止しました。業務への影響はございません。',
    );
    expect(r.disruption).toBe(false);
    expect(r.severity).toBe('high');
  });
});

describe('denials and data that are no leak', () => {
  it('reads an impersonation notice that denies any leak (流出が発生したものではございません) as low', () => {
    const r = classify(
      '当社を装った偽の通販サイトにご注意ください',
      '現在、当社の名称とロゴを無断で使った偽の通販サイトが見つかっております。当社のシステムへの侵入やお客様情報の流出が発生したものではございません。\nみほん家具株式会社',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'phishing', severity: 'low' });
  });

  it('does not count the hijacked mailbox\u2019s own password, nor data it did not hold, as a leak', () => {
    const r = classify(
      '町立小教員のメール乗っ取り　迷惑メール約300通',
      'ためし町教育委員会は2日、町立小学校の教員1人のメールアカウントが第三者に乗っ取られ、迷惑メール約300通が送信されたと発表した。町教委によると、届いた偽のメールに記載されたページで、教員がIDとパスワードを入力していた。この間、国内外の宛先に広告メールが送られた。アカウントには児童の成績などは保存されていなかったという。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'account_compromise',
      severity: 'low',
    });
    expect(r.dataTypes).not.toContain('other');
  });

  it('reads a bug that stopped ATMs but leaked nothing (流出したりしたことはない) as off-topic', () => {
    const r = classify(
      '窓口端末、半日使えず　みほん信用金庫「更新作業の誤り」',
      'みほん信用金庫で3日、全支店の窓口端末が約5時間にわたって使えなくなった。同金庫によると、前夜の更新作業で設定に誤りがあった。外部からの攻撃によるものではなく、顧客の情報が外部に流出したり、他人に見られたりしたことはないという。',
    );
    expect(r.kind).toBe('off_topic');
  });
});

describe('a defaced website of any name', () => {
  it('reads a defaced event site with no personal data as low, not as an internal intrusion', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-992】ためし市 イベント案内サイトの改ざんについて 2026/12/2',
      'ためし市は、市が運営するイベント案内サイトの一部ページが改ざんされたと発表しました。管理ソフトの脆弱性を突かれたとみられます。サイトでは個人情報を扱っておりません。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'unauthorized_access',
      severity: 'low',
    });
  });
});

describe('a wave of attacks with no victim', () => {
  it('reads 「…相次ぐ」 news about a method, with no named victim, as an advisory', () => {
    const r = classify(
      'ポイントサイトへの不正ログイン相次ぐ　パスワードの使い回し狙う',
      'ポイント交換サイトで、他人のアカウントに不正にログインしてポイントを使われる被害が相次いでいる。別のサイトから流出したIDとパスワードを次々に試す「リスト型攻撃」とみられる。みほん市消費生活センターには今月だけで20件の相談が寄せられた。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(ruleOf(r, 'kind')).toBe('kind.threat-intel.wave-without-victim');
  });

  it('still reads 「…相次ぐ」 news about one named organisation as its incident', () => {
    const r = classify(
      '通販のためし商会で不正ログイン相次ぐ　約3千件',
      '通販サイトを運営する株式会社ためし商会は2日、会員アカウントへの不正ログインが約3千件確認されたと発表した。同社によると、ポイントが不正に使われた例もあった。',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('株式会社ためし商会');
  });
});

describe('organisations the headline or title only points at', () => {
  it('takes the full name from the lead where the headline gives a bare legal form (NPO法人、…)', () => {
    const r = classify(
      'NPO法人、支援者名簿入りのUSBメモリ紛失',
      '子育て支援を行うNPO法人みほん広場は4日、支援者240人の氏名と住所を保存したUSBメモリを紛失したと発表した。',
    );
    expect(r.organization).toBe('NPO法人みほん広場');
  });

  it('takes the operator the post names for a shop that a tagged title names (オンラインショップ「…」)', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-993】オンラインショップ「みほん茶房」 不正アクセスによる情報流出について 2026/12/3',
      'このたび、株式会社みほん園が運営する「みほん茶房」オンラインショップが不正アクセスを受け、お客様情報が流出したおそれがあることが分かりました。',
    );
    expect(r.organization).toBe('株式会社みほん園');
    expect(ruleOf(r, 'organization')).toMatch(/operator/);
  });

  it('takes the name from a heading line that also addresses readers (… お客様各位)', () => {
    const r = classify(
      '重要なお知らせ',
      '株式会社みほん化粧堂　お客様各位\n当社の会員サイトにおいて、第三者によるなりすましログインが確認されました。対象のアカウントは120件です。',
    );
    expect(r.organization).toBe('株式会社みほん化粧堂');
  });

  it('takes the name of a municipality whose notice opens with 「○○市では、」', () => {
    const r = classify(
      'システム障害について',
      'ためし野市では、12月1日午前から市のホームページに接続できない状態となりました。本市のサーバーが外部から大量の通信を受けるDDoS攻撃によるものでした。',
    );
    expect(r.organization).toBe('ためし野市');
  });

  it('reads a leak-site post naming one victim (「…」の名前が掲載) as an incident, with the legal form the lead gives the name', () => {
    const r = classify(
      'リークサイトに「みほん工機」の名前　同社、サーバー暗号化の被害を公表',
      'ランサムウェア攻撃グループが運営するリークサイトに、金型メーカーの株式会社みほん工機の名前が掲載された。同社によると、今月上旬に社内のファイルサーバーが暗号化される被害を受けており、現在も調査を続けている。',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('株式会社みほん工機');
    expect(ruleOf(r, 'organization')).toBe('organization.title.quoted-name-in-lead');
  });

  it('takes the owner, not 「…の名前」, as the subject of a lead that says the name was posted', () => {
    const r = classify(
      'リークサイトに「みほん工機」の名前が掲載　同社、サーバー暗号化の被害を公表',
      '金型メーカーの株式会社みほん工機の名前が、ランサムウェア攻撃グループのリークサイトに掲載された。同社によると、今月上旬に社内のファイルサーバーが暗号化される被害を受けており、現在も調査を続けている。',
    );
    expect(r.organization).toBe('株式会社みほん工機');
    expect(ruleOf(r, 'organization')).toBe('organization.body.lead-subject');
  });
  it('reads mails counted as 「約2,300通が送られ」 from a hijacked account as mass spam (medium)', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-994】みほん会計事務所 職員メールアカウントの不正利用について 2026/12/4',
      '当事務所の職員1名のメールアカウントに第三者がログインし、お客様宛てに不審なメールが送信されました。送信記録を調べたところ、3日夜の約2時間で約2,300通が送られておりました。アカウントのパスワードは直ちに変更しました。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'account_compromise',
      severity: 'medium',
    });
    expect(ruleOf(r, 'severity')).toBe('severity.spam-sent-mass');
  });
});

describe('a defect told as the page\u2019s 不具合', () => {
  it('reads others\u2019 data shown while a page had a defect (不具合のあった期間) as misconfiguration', () => {
    const r = classify(
      '会員ページの不具合に関する調査結果のご報告',
      '11月5日にお知らせした、弊社会員ページで他の会員様のご登録情報が表示された件について、調査が完了しました。不具合のあった期間に他の会員様の情報が実際に表示されたのは31名様分でした。\n株式会社みほん生活',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('misconfiguration');
  });
});

describe('severity facts the spec\u2019s table names, in the words notices use', () => {
  it('reads consultation records of DV victims as crime-victim data (sensitive: high)', () => {
    const r = classify(
      '相談記録を保存したUSBメモリの紛失について',
      '当法人が運営するDV被害の相談窓口で受けた相談記録を保存したUSBメモリ1本を紛失いたしました。記録には相談者48名の氏名と相談内容が含まれておりました。USBメモリは暗号化しておりませんでした。\n特定非営利活動法人みほん支援ネット',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'loss_theft', severity: 'high' });
    expect(ruleOf(r, 'severity')).toBe('severity.sensitive-data');
  });

  it('reads a long list line of card items with its count (…のうちカード番号、有効期限：N件) as card data', () => {
    const r = classify(
      'オンラインストアへの不正アクセスによるカード情報流出のお詫び',
      '弊社オンラインストアの決済画面が第三者により改ざんされ、お客様の情報が外部に送信されていたことが判明しました。\n流出した可能性のある情報\nご注文のお客様の氏名、住所、電話番号：4,210名\n上記のうちカード払いをご利用になったお客様のカード番号、有効期限、セキュリティコード：1,530件\n株式会社みほん文具',
    );
    expect(r.dataTypes).toContain('credit_card');
    expect(r.severity).toBe('critical');
  });

  it('counts spam that an abused web form sent to 不特定多数 as mass spam, whatever the cause read', () => {
    const r = classify(
      '問い合わせフォームの悪用による迷惑メール送信について',
      '弊社ウェブサイトの問い合わせフォームが第三者に悪用され、不特定多数のメールアドレスに迷惑メールが送信されました。フォームの自動返信機能に、他人のアドレスと広告文が機械的に大量に入力されていました。フォームは停止しております。\n株式会社みほん工務店',
    );
    expect(r.kind).toBe('incident');
    expect(r.severity).toBe('medium');
    expect(ruleOf(r, 'severity')).toBe('severity.spam-sent-mass');
  });
});

describe('security words that describe no event at the organisation', () => {
  it('reads a planned maintenance notice that adds checks 「…を防ぐための」 as off-topic', () => {
    const r = classify(
      'システムメンテナンスに伴うオンライン予約の休止について',
      '12月20日22時から翌朝6時まで、システムの定期メンテナンスのためオンライン予約をご利用いただけません。メンテナンスでは、不正ログインを防ぐための二段階認証の導入と、なりすまし予約を防止する本人確認の強化を行います。ご理解のほどお願いいたします。\nみほん町 総務課',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('still reads an intrusion whose notice also names the checks added to prevent a recurrence', () => {
    const r = classify(
      '会員サイトへの不正ログインについて',
      '当社の会員サイトにおいて、第三者による不正ログインが発生し、会員様42名の登録情報が閲覧されたことを確認しました。今後はなりすましログインを防ぐため、二段階認証を導入いたします。\n株式会社みほん書房',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'account_compromise', severity: 'medium' });
  });
});

describe('theft by an attack is not the theft of a thing', () => {
  it('reads keys 「盗まれ」 through 外部からの不正アクセス as unauthorized_access, not loss_theft', () => {
    const r = classify(
      '暗号資産の不正流出に関するお知らせ',
      '当社が運営する暗号資産交換サービスにおいて、外部からの不正アクセスによりホットウォレットの秘密鍵が盗まれ、お客様からお預かりしていた暗号資産の一部が外部に送金されました。\n株式会社みほんコイン',
    );
    expect(r.cause).toBe('unauthorized_access');
  });

  it('still reads a laptop stolen from a car as loss_theft', () => {
    const r = classify(
      '業務用ノートパソコンの盗難について',
      '当社社員が外出先で車上荒らしに遭い、業務用ノートパソコン1台が盗まれました。パソコンには取引先120社のご担当者の氏名と連絡先が保存されていました。\n株式会社みほん設備',
    );
    expect(r.cause).toBe('loss_theft');
  });
});

describe('roundups and redirects', () => {
  it('reads a roundup of point and cashback offers (…キャンペーンまとめ) as off-topic, whatever card-safety words it uses', () => {
    const r = classify(
      '春のスマホ決済ポイント還元キャンペーンまとめ',
      '春は各社のポイント還元キャンペーンが重なる季節。気になったものを並べておきます。\nX払い：対象店舗で最大15%還元（上限2,000円）\nYペイ：新規登録で500ポイント\nどのサービスも不正利用の補償があり、本人認証を設定すると安心です。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('still reads a roundup of security tools as threat intelligence', () => {
    const r = classify(
      '脆弱性診断に使える無料ツールまとめ',
      'Webアプリの脆弱性診断に使える無料ツールを紹介します。SQLインジェクションやクロスサイトスクリプティングを検出できるスキャナを中心に、導入手順と注意点をまとめました。',
    );
    expect(r.kind).toBe('threat_intel');
  });

  it('reads a defaced page that sends visitors to an ad site as an intrusion, not a support scam', () => {
    const r = classify(
      '町ホームページの改ざんについて',
      'みほん町公式ホームページの一部のページが改ざんされ、閲覧した方を外部の広告サイトへ誘導する不正なコードが埋め込まれていました。原因は管理システムの脆弱性を悪用されたものでした。個人情報の流出はありません。\nみほん町 情報政策課',
    );
    expect(r.cause).toBe('unauthorized_access');
  });
});

describe('a public body the headline names and its founder announces', () => {
  it('takes 「○○県立…センター」 from a headline 「…にサイバー攻撃」 whose lead the prefecture speaks (県立…センターの)', () => {
    const r = classify(
      'みほん県立総合医療センターにサイバー攻撃　予約システム停止',
      'みほん県は3日、県立総合医療センターの予約システムがサイバー攻撃を受け、利用できなくなったと発表した。センターは外来の新規予約を停止している。',
    );
    expect(r.organization).toBe('みほん県立総合医療センター');
    expect(ruleOf(r, 'organization')).toBe('organization.title.opening-name');
  });
});

describe('encryption that covers only part of what was lost', () => {
  it('exempts the encrypted tablet but counts the unencrypted paper list (high for patients\u2019 treatment, 9 affected)', () => {
    const r = classify(
      '訪問看護用かばんの盗難について',
      '当ステーションの看護師が訪問の途中、駐車中の車からかばんを盗まれました。\nかばんの中のタブレット端末には利用者様310名分の看護記録が保存されていましたが、端末は高度な暗号化により保護されております。\n一方、紙の訪問予定表には利用者様9名の氏名、住所、治療内容が記載されておりました。\nみほん訪問看護ステーション',
    );
    expect(r.severity).toBe('high');
    expect(r.affected).toBe(9);
    expect(r.reasons.some((x) => x.rule === 'severity.part-unprotected')).toBe(true);
  });

  it('still exempts a loss where everything lost was encrypted', () => {
    const r = classify(
      'ノートパソコンの紛失について',
      '当社社員が業務用ノートパソコン1台を紛失しました。パソコンにはお客様1,200名の氏名と住所が保存されていましたが、全体が高度な暗号化により保護されております。\n株式会社みほん不動産',
    );
    expect(r.severity).toBe('low');
    expect(ruleOf(r, 'severity')).toBe('severity.data-was-encrypted');
  });

  it('reads 心身の状況 and 主治医の意見 on a care survey form as health data (sensitive: high)', () => {
    const r = classify(
      '認定調査票の紛失について',
      '本町の職員が、介護保険の認定調査票を入れた封筒を紛失しました。調査票には6名の方の氏名、住所、心身の状況、主治医の意見が記載されております。\nみほん町 福祉課',
    );
    expect(r.dataTypes).toContain('medical');
    expect(r.severity).toBe('high');
  });
});

describe('a finished check that exposed data was never accessed', () => {
  it('reads 「アクセス記録を調べた結果、…以外からの閲覧やダウンロードは一件もなかった」 as no leak (low, nobody affected)', () => {
    const r = classify(
      '申込者名簿がインターネット上で閲覧可能に',
      'みほん村は2日、講座の申込者2,400人分の氏名と電話番号を記した名簿が、インターネット上で閲覧できる状態になっていたと発表した。共有設定の誤りが原因。村がアクセス記録を調べた結果、村の職員以外からの閲覧やダウンロードは一件もなかったという。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'misconfiguration', severity: 'low' });
    expect(r.affected).toBeNull();
  });

  it('still reads 「…以外の情報の流出は確認されていない」 as provisional: the named part may have leaked', () => {
    const r = classify(
      '会員情報流出の可能性について',
      '当社の会員サイトが不正アクセスを受け、会員2,400名の氏名とメールアドレスが流出した可能性があります。調査の結果、氏名とメールアドレス以外の情報の流出は確認されておりません。\n株式会社みほん通販',
    );
    expect(r.severity).toBe('medium');
    expect(r.affected).toBe(2400);
  });
});

describe('wordings the blind set authored-q found missing', () => {
  it('reads an update that tells the intruder as the subject (第三者は…サーバに侵入し) as an incident update', () => {
    const r = classify(
      '配送システムの障害に関する調査結果について（第2報）',
      '11月20日にお知らせいたしました当社配送システムの障害につきまして、調査結果をご報告いたします。調査の結果、第三者は保守用の通信機器の脆弱性を悪用して当社のサーバに侵入し、配送管理システムを停止させたことが分かりました。\n株式会社みほん運送',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('unauthorized_access');
  });

  it('counts spam 「約1,500通が送られた」 from a hijacked account as mass spam (medium)', () => {
    const r = classify(
      'みほん村、職員のメールアカウント乗っ取られる',
      'みほん村は4日、職員のメールアカウントが第三者に乗っ取られ、村とは関係のない宛先に迷惑メール約1,500通が送られたと発表した。住民の個人情報が漏れた形跡はないとしている。',
    );
    expect(r.severity).toBe('medium');
    expect(ruleOf(r, 'severity')).toBe('severity.spam-sent-mass');
  });
});

describe('an address setting is no access setting', () => {
  it('reads 「宛先設定誤り」 of a mail whose addresses all recipients saw as misdelivery (tie-break 4)', () => {
    const r = classify(
      '一斉メールの宛先設定誤りによるメールアドレスの流出について',
      '本会事務局からセミナーのご案内をお送りした際、送信先のアドレスを「BCC」欄ではなく「宛先」欄に入力したまま送信したため、受信された方全員に他の受信者のメールアドレスが表示される状態となりました。\n一般社団法人みほん協会',
    );
    expect(r.cause).toBe('misdelivery');
  });
});

describe('wordings the blind set authored-p found missing', () => {
  it('reads news that a named company\u2019s site is imitated (同社の…サイトに似せた偽サイト) as its impersonation incident, with its operator\u2019s kana name', () => {
    const r = classify(
      '「みほん高速フェリー」かたる偽の予約サイト　運賃を振り込ませる',
      'フェリー「みほん高速フェリー」を運航するみほん海運株式会社は8日、同社の予約サイトに似せた偽サイトが見つかったとして、利用者に注意を呼びかけた。同社によると、偽サイトは運賃を個人名義の口座に振り込ませるという。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'phishing', severity: 'low' });
    expect(r.organization).toBe('みほん海運株式会社');
  });
});
