/**
 * Wordings found missing by the seventh authored blind set (tests/fixtures/authored-g), each
 * tested on a post written for this test about a fictional organisation (not the set's
 * sentences): news that an organisation warns it is impersonated, floods of traffic called
 * deliberate, a local government speaking of itself as bare 県/市, news updates that cite the
 * earlier 公表, health-check data, counts of accounts after a login, wrong display settings,
 * staff taking data home, fake-warning advisories, registers that stop; what is not an event
 * (盗難対策 in a product launch, a shop's free months); and organisations from a regulator's
 * lead, a lead after a clause, a hiragana town and a company's seat in brackets.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf, ruleOf } from '../../helpers/classify.js';

describe('impersonation told in the news', () => {
  it('reads news that a named company warns SMS are sent in its name as its phishing incident', () => {
    const r = classify(
      'ガス会社を名乗るメッセージに注意　みほんガス',
      'みほんガスは9日、同社を名乗り「ガス料金が未払いです」と書かれたメッセージが、市内の利用者に届いていると発表した。リンク先はログイン画面に似せた偽のページで、同社によると、同社がメッセージで支払いを求めることはないという。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'phishing', severity: 'low' });
    expect(r.organization).toBe('みほんガス');
    expect(ruleOf(r, 'kind')).toBe('kind.incident.impersonation-news');
  });

  it('keeps a police advisory about callers posing as a kind of company as threat intel', () => {
    const r = classify(
      '電力会社を名乗る電話に注意を',
      'ためし県警によると、電力会社の社員を名乗り、電気料金の返金があるとして口座番号を聞き出そうとする電話が相次いでいます。',
    );
    expect(r.kind).toBe('threat_intel');
  });
});

describe('events told without the usual words', () => {
  it('reads a deliberate flood of access that only slowed a site as a DDoS incident (medium)', () => {
    const r = classify(
      '申込サイトの表示の遅れについて',
      '一般社団法人ためし観光協会が運営するイベント申込サイトに、11月20日、意図的とみられる大量のアクセスが集中しました。ページの表示が遅くなる状態が断続的に続きましたが、サイトは停止しておりません。お客様の個人情報やクレジットカード情報が流出したものではございません。ご迷惑をおかけしたことをお詫び申し上げます。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'ddos', severity: 'medium' });
    expect(r.dataTypes).toEqual([]);
    expect(r.organization).toBe('一般社団法人ためし観光協会');
  });

  it('reads a prefecture that calls itself 県, with a bare title, as its own incident notice', () => {
    const r = classify(
      '重要',
      '県が研修の運営を委託している事業者において、サーバーへの不正アクセスが発生し、研修の受講者情報が流出した可能性があることが分かりました。サーバーには受講者420名の氏名とメールアドレスが保存されていました。県では、委託先に原因の調査を求めるとともに、対象の方にお知らせしています。\nみほん県 人事課',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'unauthorized_access',
      severity: 'medium',
    });
    expect(r.affected).toBe(420);
    expect(r.organization).toBe('みほん県');
  });

  it('reads news that cites the victim\u2019s earlier 公表 as an update', () => {
    const r = classify(
      'ためし総合病院、患者情報の流出を確認',
      'ランサムウェアの被害を受けたためし総合病院は18日、患者約3000人分の情報が外部に持ち出されていたと発表した。同病院は今月2日に被害を公表しており、専門業者の調査で分かった。',
    );
    expect(r.kind).toBe('incident_update');
  });

  it('reads health-check results mailed to the wrong people as medical data (high)', () => {
    const r = classify(
      'みほん町、健診結果を別人に送付',
      'みほん町は4日、町が実施した健康診査の結果通知23人分を、別の受診者に送っていたと発表した。通知には氏名と血圧や血液検査の数値が記されていた。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'misdelivery', severity: 'high' });
    expect(r.dataTypes).toContain('medical');
  });

  it('counts 件 of member accounts logged into as the people affected, not the smaller figure', () => {
    const r = classify(
      '通販サイトに不正ログイン',
      'サンプル雑貨は3日、第三者による不正ログインが約1万5000件の会員アカウントであったと発表した。登録カードが勝手に使われた被害も約30件確認した。',
    );
    expect(r.affected).toBe(15000);
    expect(r.severity).toBe('high');
  });

  it('reads data shown to other users by a wrong display setting as misconfiguration', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-990】ためし村 講座予約システムで他の利用者の情報が閲覧できる状態について 2026/11/2',
      'ためし村の講座予約システムで、他の利用者の予約内容を表示できる状態になっていました。原因は、利用者ごとの表示制限の設定が正しく反映されていなかったことです。',
    );
    expect(r.cause).toBe('misconfiguration');
    expect(ruleOf(r, 'cause')).toBe('cause.tie-break-4.wrong-setting');
  });

  it('reads staff taking records home without permission as insider, and a lost take-out as a loss', () => {
    const home = classify(
      '本学職員による学生情報の持ち出しについて',
      'サンプル大学の職員が、学生の成績の情報を無断で自宅に持ち帰り、個人のクラウドストレージに保存していたことが分かりました。本学として深くお詫び申し上げます。',
    );
    expect(home.cause).toBe('insider');
    const lost = classify(
      '本校職員による書類の紛失について',
      '本校の職員が許可なく校外に持ち出した書類を紛失しました。書類には生徒12名の氏名が記載されていました。お詫び申し上げます。\nためし高等学校',
    );
    expect(lost.cause).toBe('loss_theft');
  });

  it('reads registers that stopped, closing the shops, as an outage (critical)', () => {
    const r = classify(
      'スーパーのレジが停止　原因はサイバー攻撃',
      'スーパーを展開する株式会社ためしマートは8日、店舗管理システムが外部から攻撃を受け、全店でレジが使えなくなったと発表した。決済が止まり、5店舗を臨時休業とした。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'unauthorized_access',
      severity: 'critical',
    });
    expect(r.organization).toBe('株式会社ためしマート');
  });

  it('does not read a card payment stopped as a precaution as an outage', () => {
    const r = classify(
      '当社通販サイトへの不正アクセスについて',
      '2026年5月10日、当社通販サイトのお客様のクレジットカード情報が漏えいした懸念があるとの連絡を受け、同日、本サイトでのカード決済を停止しました。当社はお客様に深くお詫び申し上げます。\n株式会社サンプル茶舗',
    );
    expect(r.severity).not.toBe('critical');
  });
});

describe('what is not an event', () => {
  it('reads a safe\u2019s launch that advertises 盗難対策 as off-topic', () => {
    const r = classify(
      '防犯金庫の新モデル発売のお知らせ',
      '株式会社ためし金属は、家庭用金庫の新モデルを来月発売します。暗証番号式のロックを備え、盗難対策として壁への固定にも対応しました。当社オンラインストアでお求めいただけます。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('reads a shop\u2019s campaign of free insurance months as off-topic, not threat intel', () => {
    const r = classify(
      '【冬のキャンペーン】タブレット補償パック、2か月無料',
      'いつも当ショップをご利用いただきありがとうございます。期間中にタブレットをご購入の方は、補償パックが2か月間無料になります。紛失・盗難のときも交換できます。ウイルス対策アプリの設定もお手伝いします。お気軽にご来店ください。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('keeps an advisory on mails posing as job applications as threat intel, not an incident', () => {
    const r = classify(
      '求人応募を装うメールにご注意ください',
      'ためし商工会によると、求人への応募を装い、履歴書と称する添付ファイルを開かせてウイルスに感染させるメールが、会員企業に届いています。',
    );
    expect(r.kind).toBe('threat_intel');
  });

  it('takes phishing for an advisory on fake virus warnings, whatever virus the warning names', () => {
    const r = classify(
      '画面に「ウイルスを検出しました」　偽警告の手口に注意',
      'サンプル市消費生活センターによると、閲覧中に警告音とともに偽の警告が表示され、画面の番号に電話すると遠隔操作ソフトを入れさせられる相談が相次いでいます。',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({ kind: 'threat_intel', cause: 'phishing' });
  });
});

describe('organisations from the lead', () => {
  it('names the company a regulator acts on from the lead when the title gives only its trade', () => {
    const r = classify(
      '金融庁、暗号資産交換業者に業務改善命令',
      '金融庁は5日、顧客の資産が不正に送金された問題で、暗号資産交換業者の株式会社みほんコインに業務改善命令を出した。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('株式会社みほんコイン');
  });

  it('drops the particle after the committee and keeps a name that opens with は', () => {
    const ga = classify(
      '個人情報保護委員会がためし通信に勧告　顧客情報の売却で',
      '個人情報保護委員会は3日、ためし通信に対し、個人情報保護法に基づく勧告を行った。',
    );
    expect(ga.organization).toBe('ためし通信');
    const ha = classify(
      '金融庁、はるか証券に業務改善命令',
      '金融庁は4日、はるか証券に業務改善命令を出した。',
    );
    expect(ha.organization).toBe('はるか証券');
  });

  it('reads a town whose name is kana before 町, a legal form after a clause, and a seat in brackets', () => {
    const town = classify(
      '水道システムにランサムウェア',
      'ひなた町は3日、水道料金のシステムがランサムウェアに感染したと発表した。',
    );
    expect(town.organization).toBe('ひなた町');
    const clause = classify(
      'ドラッグストアの会員情報が流出',
      '県内でドラッグストア「ためし」を展開する株式会社ためしドラッグは6日、会員情報が流出したと発表した。',
    );
    expect(clause.organization).toBe('株式会社ためしドラッグ');
    const seated = classify(
      '派遣登録者の情報、ネット上で閲覧可能に',
      '人材派遣のみほんワークス(名古屋市)は7日、登録者の履歴書データがインターネット上で閲覧できる状態だったと発表した。',
    );
    expect(seated.organization).toBe('みほんワークス');
  });
});
