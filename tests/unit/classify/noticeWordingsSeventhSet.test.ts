/**
 * Wordings found missing by the blind set authored-r, each tested on a post written for this
 * test about a fictional organisation (not the set's sentences): encryption and its absence in
 * one paragraph; a cause left open (ランサムウェアによるものかどうか); a book review; a lab's
 * analysis; names behind a committee, a form's label (会社名) or the speaker's own group
 * (当社グループ); numbered groups with their items in brackets; crime-victim consultations,
 * accounts looked up (照会), protected addresses (支援措置); a DDoS that made a site unreachable;
 * a forged power of attorney; a photo in which data showed (写り込み); and a nursery's signature.
 * Guards beside them pass on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf, ruleOf } from '../../helpers/classify.js';

describe('encryption and its absence told in one paragraph', () => {
  it('exempts only the encrypted laptop: the unencrypted USB memory\u2019s people count', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-970】一般社団法人ためし商工会 パソコン等の盗難について 2026/12/1',
      '当会の職員が、車上荒らしによりノートパソコンとUSBメモリを盗まれました。ノートパソコンには会員の情報が入っていましたが、ディスク全体が高度な暗号化によって保護されています。一方、USBメモリには講習会の申込者2,040名の氏名と電話番号が保存されており、暗号化はしておりませんでした。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'loss_theft', severity: 'medium' });
    expect(r.affected).toBe(2040);
    expect(ruleOf(r, 'severity')).toBe('severity.people-affected');
  });

  it('guard: still exempts a post whose only device was encrypted', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-971】一般社団法人ためし商工会 パソコンの盗難について 2026/12/1',
      '当会の職員が、車上荒らしによりノートパソコンを盗まれました。パソコンには会員2,040名の氏名が保存されていましたが、ディスク全体が高度な暗号化によって保護されています。',
    );
    expect(r.severity).toBe('low');
  });
});

describe('a cause the post leaves open', () => {
  it('reads ransomware whose role is still being checked (…によるものかどうか) as no ransomware', () => {
    const r = classify(
      '食品卸の配送システムにサイバー攻撃　出荷止まる',
      'ためし食品株式会社は2日、配送システムのサーバがサイバー攻撃を受け、全国の物流拠点で出荷が止まっていると発表した。同社によると、攻撃の手口やランサムウェアによるものかどうかは調査中としている。',
    );
    expect(r.cause).toBe('unauthorized_access');
    expect(r.severity).toBe('critical');
  });

  it('guard: ransomware the post confirms stays ransomware', () => {
    const r = classify(
      '食品卸の配送システムにランサムウェア　出荷止まる',
      'ためし食品株式会社は2日、配送システムのサーバがランサムウェアに感染し、ファイルが暗号化されて全国の物流拠点で出荷が止まっていると発表した。',
    );
    expect(r.cause).toBe('ransomware');
  });
});

describe('posts about security that are not incidents', () => {
  it('reads a reading note on a novel about an attacked hospital as off-topic', () => {
    const r = classify(
      '読書メモ：サイバーサスペンス小説『ためしの夜明け』',
      '年末に、ランサムウェアで電子カルテが暗号化された病院を描く小説を読みました。外来が止まり、患者の情報がリークサイトに載るまでの描写がリアルです。人物描写は少し薄いものの、一気に読めました。評価は星3つ。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('reads a security lab\u2019s analysis of a malware campaign as threat intelligence', () => {
    const r = classify(
      '物流業界狙う「納品書」メールで情報窃取型マルウェア　ためしセキュリティラボが分析',
      'セキュリティ企業のためしセキュリティラボは3日、物流業界の企業を狙って「納品書」を装ったメールで情報窃取型マルウェアに感染させる攻撃を確認したと公表した。同社によると、感染するとブラウザに保存されたパスワードが盗まれるという。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'threat_intel', cause: 'malware', severity: 'info' });
    expect(ruleOf(r, 'kind')).toBe('kind.threat-intel.write-up');
  });
});

describe('names behind a committee, a form label or the speaker\u2019s group', () => {
  it('takes the university, not its security committee, from the signature', () => {
    const r = classify(
      '本学ウェブサイトの改ざんに関するご報告',
      '本学の研究室ウェブサイトが改ざんされ、閲覧者を不審なサイトへ転送する状態になっていました。管理ソフトの脆弱性が悪用されたものです。\n2026年12月1日\nためし大学 情報セキュリティ委員会',
    );
    expect(r.organization).toBe('ためし大学');
  });

  it('reads a header line after its label (会社名) and no name in 当社グループ', () => {
    const r = classify(
      '当社グループにおける不正アクセスについて',
      '2026年12月1日\n各位\n会社名 ためし精工株式会社\n当社グループの社内ネットワークに外部から不正アクセスがあり、ファイルサーバの一部が閲覧された可能性があることが判明いたしました。',
    );
    expect(r.organization).toBe('ためし精工株式会社');
  });

  it('takes a nursery named in its head\u2019s signature', () => {
    const r = classify(
      '園児の情報の誤掲載について',
      '当園の園だよりを誤ってホームページに掲載し、園児8名の名前とアレルギーの内容が閲覧できる状態になっていました。深くお詫び申し上げます。\nためし保育園 園長',
    );
    expect(r.organization).toBe('ためし保育園');
  });
});

describe('numbered groups with their items in brackets', () => {
  it('adds up two groups of different people listed as (1) and (2)', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-972】ためし製作所株式会社 不正アクセスに関するご報告 2026/12/1',
      '当社のファイルサーバから外部へデータが送信されており、次の個人情報が含まれておりました。\n(1)お取引先のご担当者様 最大6,200名分(氏名、会社名、電話番号)\n(2)従業員および退職者 3,900名分(氏名、住所、生年月日)',
    );
    expect(r.affected).toBe(10100);
    expect(r.severity).toBe('high');
  });

  it('guard: a figure that says it includes the one above is not added to it', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-973】株式会社ためし茶房 カード情報流出のお詫び 2026/12/1',
      '当社の通販サイトが不正アクセスを受け、以下の情報が流出した可能性があります。\nカード情報(名義、番号、有効期限) 1,300件\n個人情報(氏名、住所、電話番号) 4,800件(上記カード情報の件数を含む)',
    );
    expect(r.affected).toBe(4800);
  });
});

describe('sensitive data named as notices name it', () => {
  it('reads the names of people who consulted a crime-victim desk as sensitive', () => {
    const r = classify(
      '本市ホームページにおける個人情報の誤掲載について',
      '本市のホームページに掲載した会議資料で黒塗りの処理が漏れており、犯罪被害者等相談窓口に相談された方7名の氏名と相談の概要が閲覧できる状態になっていました。お詫び申し上げます。\nためし市 市民相談課',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'misdelivery', severity: 'high' });
  });

  it('reads accounts looked up (照会) by an employee as bank data viewed', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-974】ためし信用組合 職員による顧客情報の不正な閲覧について 2026/12/1',
      '当組合の職員1名が、業務上の必要がないにもかかわらず、知人など顧客9名の口座番号と預金残高を端末で照会していたことが判明いたしました。',
    );
    expect(r.dataTypes).toContain('bank_account');
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'insider', severity: 'high' });
  });

  it('reads a forged power of attorney used to obtain a protected address as phishing, high', () => {
    const r = classify(
      'お知らせ',
      'ためし村(以下「本村」)において、住民票の写しが不正に取得される事案が起きました。村民の代理人を名乗る人物が偽造された委任状を示し、職員が交付いたしました。当該の方はDVの被害を受け、支援措置の対象となっていた方で、写しには現在の住所が記載されております。本村は当該の方にお詫び申し上げました。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'phishing', severity: 'high' });
  });
});

describe('attacks and errors in the words notices use', () => {
  it('reads a DDoS that made the site unreachable as an outage, and a denied card leak as none', () => {
    const r = classify(
      '「ためしチケット」サービス停止に関するお詫び',
      '株式会社ためし興行が運営する「ためしチケット」で、約5時間にわたりウェブサイトにつながらない状態が続きました。原因は第三者によるDDoS攻撃です。お客様の個人情報やクレジットカード情報が流出した事実はございません。',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'ddos', severity: 'critical' });
  });

  it('reads data showing in a photo posted online (写り込み) as misdelivery, not a setting', () => {
    const r = classify(
      '当館職員のSNS投稿に利用者の情報が写り込んでいた件について',
      '当館の職員が個人のSNSに投稿した写真に、利用者6名の名前と連絡先を書いた名簿が写り込んでおり、公開の設定で誰でも閲覧できる状態でした。深くお詫び申し上げます。\nためし市立図書館',
    );
    expect(r.cause).toBe('misdelivery');
  });
});
