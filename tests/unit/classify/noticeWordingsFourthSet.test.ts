/**
 * Wordings found missing by the blind sets authored-h … authored-k, each tested on a post
 * written for this test about a fictional organisation (not the sets' sentences): notices
 * that never use the spec's words (a 「宛先」欄 mistake, a server 侵入を受けた, data posted
 * online without consent, another applicant's entries on screen, a notice in another's
 * envelope, a hidden sheet in a published file), denials (流出したものではございません,
 * 侵入された形跡はなく, 影響は出ていない), outages told as stopped lines and unreachable
 * services, and organisations from a kind of organisation in the title, a headline's short
 * form, a legal form before a kana-and-kanji name, a signature that joins the head to the
 * name, and a regulator's lead.
 */
import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

describe('events told without the usual words', () => {
  it('reads every parent\u2019s address shown by a 「宛先」欄 mistake as a misdelivery incident', () => {
    const r = classify(
      'お知らせ',
      'ためし英語教室 保護者の皆様へ\n11月3日にお送りした発表会のご案内メールで、担当者が皆様のアドレスをすべて「宛先」欄に入力して送信したため、ほかの保護者様28名のメールアドレスが表示される状態となりました。ご迷惑をおかけし申し訳ございません。',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({ kind: 'incident', cause: 'misdelivery' });
    expect(r.affected).toBe(28);
  });

  it('reads a booking server that 侵入を受けた, told without 不正アクセス, as an intrusion', () => {
    const r = classify(
      '重要なお知らせ',
      '当院の予約システムのサーバーが、外部から侵入を受けていたことが判明いたしました。部品の古い版の弱点を突かれたとのことです。サーバーには患者様約900名のお名前とお電話番号が保存されておりました。\nためし眼科クリニック 院長',
    );
    expect({ kind: r.kind, cause: r.cause, severity: r.severity }).toEqual({
      kind: 'incident',
      cause: 'unauthorized_access',
      severity: 'high',
    });
  });

  it('reads pupils\u2019 names posted on a social network without consent as an incident', () => {
    const r = classify(
      '本校からのお知らせ',
      'ためし中学校\n本校の生徒の氏名と顔写真が、学外のSNSアカウントに無断で掲載されていることが確認されました。掲載されていたのは12名分です。ご心配をおかけして申し訳ございません。',
    );
    expect(r.kind).toBe('incident');
    expect(r.affected).toBe(12);
  });

  it('reads another applicant\u2019s entries shown on screen as an incident, not off-topic', () => {
    const r = classify(
      'システム障害について',
      'みほん市の電子申請サービスで、一部の利用者の画面に別の申請者の入力内容が表示される事象が発生しました。プログラムの誤りによるものです。表示された情報は9名分の氏名と住所でした。\nみほん市 情報政策課',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({
      kind: 'incident',
      cause: 'misconfiguration',
    });
    expect(r.organization).toBe('みほん市');
  });

  it('reads notices put in envelopes addressed to other residents as a misdelivery', () => {
    const r = classify(
      '税の通知書500人分、別人に届く　ためし町',
      'ためし町は2日、税額の通知書500人分を、別の住民の宛名の封筒に入れて郵送していたと発表した。通知書には氏名と税額が記載されていた。',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({ kind: 'incident', cause: 'misdelivery' });
    expect(r.affected).toBe(500);
  });

  it('reads personal data left in a hidden sheet of a published file as a misdelivery', () => {
    const r = classify(
      '重要なお知らせ',
      '当社ウェブサイトに掲載していた見学会の日程表に非表示のシートが残っており、お申し込みいただいた31名さまのお名前と電話番号が記載されておりました。\n株式会社みほん工務店',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({ kind: 'incident', cause: 'misdelivery' });
    expect(r.organization).toBe('株式会社みほん工務店');
  });

  it('reads skimming code planted in a payment screen as web skimming', () => {
    const r = classify(
      'ネットショップ休止のお知らせ',
      '当店のオンラインストアのお支払い画面に外部のプログラムが埋め込まれ、入力されたカード情報が抜き取られていた可能性があります。念のためオンラインストアを休止しております。\nためし染物店 店主',
    );
    expect(r.cause).toBe('web_skimming');
  });

  it('reads lines stopped and a service one cannot connect to as outages (critical)', () => {
    const plant = classify(
      '【セキュリティ事件簿#2026-991】株式会社ためし工機 サイバー攻撃による生産停止について（第2報） 2026/11/30',
      '攻撃者は生産管理サーバーに侵入し、計画データを消去しました。このため生産ラインは停止しており、製品の出荷も見合わせております。',
    );
    expect(plant.severity).toBe('critical');
    const flood = classify(
      '弊社サービスの一時停止について',
      '株式会社みほんクラウドは、弊社サーバーに向けて意図的に大量の通信が送りつけられたため、お客様がサービスに接続できなくなりましたことをご報告いたします。深くお詫び申し上げます。',
    );
    expect({ cause: flood.cause, severity: flood.severity }).toEqual({
      cause: 'ddos',
      severity: 'critical',
    });
  });
});

describe('what is not an event, or not this cause', () => {
  it('reads an owner locked out of a hijacked social account as no outage (low)', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-992】NPO法人ためし食堂 公式SNSアカウントの乗っ取りについて 2026/11/3',
      '当法人の公式SNSアカウントが第三者に乗っ取られ、パスワードとプロフィールが変更されました。パスワードが変更されたため、現在当法人からはログインできない状態です。',
    );
    expect(r.severity).toBe('low');
    expect(r.dataTypes).not.toContain('credentials');
  });

  it('reads …流出したものではございません as no leak for a lapsed domain (low)', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-993】ためし農業協同組合 旧キャンペーンサイトのドメインの第三者による再取得について 2026/11/4',
      '以前使用していたウェブサイトのドメインが第三者によって再取得されました。当該サイトでは個人情報のお預かりはしておらず、お客様の情報が流出したものではございません。',
    );
    expect({ cause: r.cause, severity: r.severity }).toEqual({
      cause: 'domain_hijack',
      severity: 'low',
    });
  });

  it('takes a leak whose route is unknown, with no trace of intrusion, as other', () => {
    const r = classify(
      '顧客名簿がネットで販売か　流出経路は不明',
      '株式会社ためしホームは3日、顧客約2000人の氏名と住所が掲示板で売りに出されていると発表した。同社によると、システムへの不正アクセスの痕跡は見つかっておらず、流出の経路は分かっていないという。',
    );
    expect(r.cause).toBe('other');
  });

  it('reads ransomware restored from backup with no business impact as high, not critical', () => {
    const r = classify(
      '運送会社にランサムウェア　バックアップで復旧',
      '株式会社みほん運輸は4日、ファイルサーバーがランサムウェアに感染したと発表した。同社によると、前日のバックアップからすべて元に戻し、配送業務に影響は出ていないという。',
    );
    expect({ cause: r.cause, severity: r.severity }).toEqual({
      cause: 'ransomware',
      severity: 'high',
    });
  });

  it('does not read bird flu or 漏えい防止 in a privacy policy as security events', () => {
    const flu = classify(
      '養鶏場で鳥インフルエンザ　ウイルス感染確認',
      '県は3日、養鶏場で鳥インフルエンザのウイルスが検出されたと発表した。県はウイルス感染を防ぐため、周辺の移動を制限した。',
    );
    expect(flu.kind).toBe('off_topic');
    const policy = classify(
      '個人情報保護方針の改定について',
      '株式会社ためし不動産では、個人情報保護方針を改定いたします。委託先の管理について、漏えい防止のための安全管理措置を明記しました。本改定は事故などによるものではありません。',
    );
    expect(policy.kind).toBe('off_topic');
  });

  it('reads news that a town\u2019s former domain was taken over as the town\u2019s incident', () => {
    const r = classify(
      '旧観光サイトのドメイン、第三者が取得　町が注意呼びかけ',
      'みほん町は9日、町の観光案内に使っていたウェブサイトのドメインが第三者に取得され、無関係の広告が表示されていると明らかにした。町によると、個人情報の流出はないという。',
    );
    expect({ kind: r.kind, cause: r.cause }).toEqual({ kind: 'incident', cause: 'domain_hijack' });
    expect(ruleOf(r, 'kind')).toBe('kind.incident.impersonation-news');
  });

  it('keeps an advisory against credential stuffing as threat intel', () => {
    const r = classify(
      '通販サイトへのリスト型攻撃に警戒を',
      'ためし県警によると、他のサイトから流出したIDとパスワードを使うリスト型攻撃が増えている。',
    );
    expect(r.kind).toBe('threat_intel');
  });
});

describe('organisations', () => {
  it('never takes a kind of organisation from the title, and finds the name in the lead', () => {
    const hospital = classify(
      '看護師が知人のカルテ閲覧　市立病院',
      '市立ためし野病院は5日、看護師が業務と関係のない患者3人の電子カルテを閲覧していたと発表した。',
    );
    expect(hospital.organization).toBe('市立ためし野病院');
    const institute = classify(
      '研究機構のネットワークに侵入',
      '独立行政法人国立みほん海洋研究機構は8日、VPN機器の脆弱性を突かれて所内ネットワークに侵入されたと発表した。',
    );
    expect(institute.organization).toBe('独立行政法人国立みほん海洋研究機構');
  });

  it('keeps a headline\u2019s short form of the lead\u2019s name, and a whole name unextended', () => {
    const short = classify(
      'ためしロジ、従業員情報が流出　ランサム被害の調査結果',
      '物流大手のためしロジスティクスは7日、ランサムウェア被害の調査結果を明らかにした。',
    );
    expect(short.organization).toBe('ためしロジ');
    const full = classify(
      'みほん訪問看護、利用者の記録を紛失',
      'みほん訪問看護ステーションは2日、利用者の記録を紛失したと発表した。',
    );
    expect(full.organization).toBe('みほん訪問看護ステーション');
  });

  it('reads a legal form before a name in kana and kanji, and a legal name that ends in kana', () => {
    const npo = classify(
      '偽の警告画面で遠隔操作ソフト導入　支援家庭の情報流出か',
      '子育て支援に取り組むNPO法人ためし子ども応援ネットは1日、職員が偽の警告画面に従って遠隔操作ソフトを入れたと発表した。',
    );
    expect(npo.organization).toBe('NPO法人ためし子ども応援ネット');
    const kana = classify(
      '旅行会社社員のPCにウイルス',
      '株式会社みほんのたびは30日、社員のパソコンがマルウェアに感染したと発表した。',
    );
    expect(kana.organization).toBe('株式会社みほんのたび');
  });

  it('reads the municipality from a mayor\u2019s signature and the school from …において', () => {
    const city = classify(
      '職員による個人情報の不適切な閲覧について',
      '本市の職員が、業務上の必要がないにもかかわらず知人の住民票情報を閲覧していたことが判明しました。本市は当該の方に謝罪いたしました。\n令和8年11月2日 ためし市長',
    );
    expect(city.organization).toBe('ためし市');
    const school = classify(
      'USBメモリの紛失について',
      'このたび、学校法人みほん学院 みほん台高等学校において、教員が生徒の成績を保存したUSBメモリを紛失いたしました。深くお詫び申し上げます。',
    );
    expect(school.organization).toBe('みほん台高等学校');
  });

  it('names the company a regulator acts on from a lead that runs over に対し、…に基づく', () => {
    const r = classify(
      '加盟店の決済画面改ざん相次ぎ　経産省が決済代行会社を指導',
      '経済産業省は27日、決済代行の株式会社ためしペイに対し、割賦販売法に基づく行政指導を行った。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('株式会社ためしペイ');
    const insurer = classify(
      '保険代理店に個人情報保護委員会が指導',
      '個人情報保護委員会は4日、保険代理店のみほん保険サービスに対し、個人情報保護法に基づく指導を行った。',
    );
    expect(insurer.organization).toBe('みほん保険サービス');
  });
  it('names the operator where a tagged title names only an unquoted online shop', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-994】ためし公式オンラインストア 不正アクセスによるカード情報漏えいに関するお詫び 2026/12/1',
      '雑貨の通信販売を手がける株式会社ためしリビングは12月1日、同社が運営するオンラインストアへの不正アクセスについて公表しました。',
    );
    expect(r.organization).toBe('株式会社ためしリビング');
    const kana = classify(
      '【セキュリティ事件簿#2026-995】みほんマート オンラインストア 決済画面の改ざんについて 2026/12/2',
      '量販店の通販サイトで決済画面が改ざんされていました。\n株式会社みほんの薬品が運営する「みほんマート オンラインストア」で、カード情報が盗まれたおそれがあります。',
    );
    expect(kana.organization).toBe('株式会社みほんの薬品');
  });
  it('reads the name that opens a heading line announcing the topic, not an addressee line', () => {
    const r = classify(
      'お知らせ',
      'ためし農業協同組合 組合員様の書類の盗難について\n当組合の職員が訪問の途中、車内に置いていた書類かばんを盗まれました。組合員様12名分の氏名が記載されておりました。深くお詫び申し上げます。',
    );
    expect(r.organization).toBe('ためし農業協同組合');
    const addressed = classify(
      'お知らせ',
      'みほん工房 藍屋のオンラインストアをご利用の皆様へ\n当店のお支払い画面に外部のプログラムが埋め込まれ、カード情報が抜き取られた可能性があります。',
    );
    expect(addressed.organization).not.toBe('みほん工房');
  });
});
