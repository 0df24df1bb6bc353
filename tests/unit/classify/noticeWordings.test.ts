/**
 * Wordings found missing by the authored blind set (tests/fixtures/authored),
 * each tested on a post written for this test about a fictional organisation:
 * misdelivery told as an enclosure or an attachment, a domain taken
 * 第三者によって, leaks that are not data leaks, offers, roundups and
 * write-ups, and the organisation read from a signature or a news lead.
 */
import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

describe('misdelivery and domain wordings', () => {
  it('reads a notice of an enclosure mistake (封入誤り, 別の方の…同封) as a misdelivery incident', () => {
    const r = classify(
      '固定資産税納税通知書の封入誤りについて',
      'ためし町 税務課\n本町が発送した納税通知書において、封入作業の誤りにより、3名の方の封筒に別の方の納税通知書が同封されていました。町民の皆様にご迷惑をおかけし、お詫びいたします。',
    );
    expect({ kind: r.kind, cause: r.cause, severity: r.severity }).toEqual({
      kind: 'incident',
      cause: 'misdelivery',
      severity: 'low',
    });
    expect(r.organization).toBe('ためし町');
  });

  it('reads news of a file mailed by mistake (誤って…メールで送信) as a misdelivery incident', () => {
    const r = classify(
      '市立中学校、部員名簿を誤って保護者にメール',
      'ためし市教育委員会は9日、市立中学校の教諭が部員22人分の氏名と連絡先を記した名簿を、誤って保護者1人にメールで送信したと発表した。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('misdelivery');
  });

  it('reads a domain taken 第三者によって as domain_hijack', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-901】ためし村 旧観光サイトのドメインについて 2026/4/1',
      '本村が以前使用していた観光サイトのドメインが、契約終了後に第三者によって取得され、本村と無関係のサイトに使われています。',
    );
    expect(r.cause).toBe('domain_hijack');
  });
});

describe('posts that are not about security', () => {
  it('does not read a water leak (配管からの漏えい) as a data leak', () => {
    const r = classify(
      '新製品：配管の漏えいを知らせる漏水センサーを発売',
      '設備メーカーのためし工業は、配管からの漏えいを検知してスマートフォンに知らせるセンサーを5月に発売すると発表しました。価格は1台6,600円（税込）です。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('does not read staff leaving (人材の流出) as a leak', () => {
    const r = classify(
      '書評：人材流出を止める組織づくり',
      '若手の人材流出に悩む管理職向けの本。チームの情報共有が足りないと人材の流出が続く、という指摘が刺さった。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('reads a card campaign with fraud-cover words (不正利用, 紛失・盗難) as off-topic (kind.off-topic.offer)', () => {
    const r = classify(
      '年会費無料の新カード、不正利用補償付きで入会キャンペーン中',
      '今なら入会キャンペーンで5,000ポイントがもらえます。年会費は無料で、不正利用の補償があり、紛失や盗難のときもアプリでカードを止められます。カード情報はアプリで確認できます。',
    );
    expect(r.kind).toBe('off_topic');
    expect(ruleOf(r, 'kind')).toBe('kind.off-topic.offer');
  });
});

describe('security material with no victim of its own', () => {
  it('reads a tagged leak-site roundup as threat intel, not an incident', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-902】リークサイトに掲載された国内組織まとめ（3月） 2026/4/2',
      '3月にランサムウェアグループのリークサイトへの掲載が確認された国内組織は9件でした。業種別では製造業が最多でした。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(ruleOf(r, 'kind')).toBe('kind.threat-intel.tagged-leak-roundup');
    expect(r.cause).toBe('ransomware');
  });

  it('reads a vendor title of an attack observed (を観測) as threat intel', () => {
    const r = classify(
      'メールサーバー製品の脆弱性を狙う攻撃を観測',
      '弊社の監視チームは、メールサーバー製品の脆弱性を突いてサーバーに侵入し、ファイルを窃取しようとする通信を確認しています。利用者は更新を適用してください。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.severity).toBe('info');
  });
});

describe('organisation from the body', () => {
  it('takes the organisation from a signature line ending with the office that signs (院長)', () => {
    const r = classify(
      '当院の電子カルテの障害について',
      '当院の電子カルテシステムがランサムウェアに感染し、利用できない状態となっております。患者の皆様にご迷惑をおかけし、お詫び申し上げます。\nためし記念病院 院長',
    );
    expect(r.organization).toBe('ためし記念病院');
  });

  it('takes the company that signs a notice titled only with its shop', () => {
    const r = classify(
      '「ためし茶房オンライン」への不正アクセスについて',
      'このたび、弊社が運営する「ためし茶房オンライン」の決済画面が改ざんされ、カード情報が流出した可能性があることが分かりました。お詫び申し上げます。\n株式会社ためし茶房 代表取締役',
    );
    expect(r.organization).toBe('株式会社ためし茶房');
  });

  it('keeps a kana name after its legal form in a news lead (株式会社ためしや建設は)', () => {
    const r = classify(
      '取引先を装うメールで資材代金をだまし取られる',
      '株式会社ためしや建設は3日、取引先を装ったメールで約900万円をだまし取られたと発表した。',
    );
    expect(r.organization).toBe('株式会社ためしや建設');
  });

  it('takes no bare kind of organisation (病院) from a headline, and no industry words before a name', () => {
    const hospital = classify(
      '病院で検査結果入りのUSBメモリ紛失',
      'ためし中央病院は2日、患者50人分の検査結果を保存したUSBメモリを紛失したと発表した。',
    );
    expect(hospital.organization).toBe('ためし中央病院');
    const maker = classify(
      '玩具製造のためしトイズ、社内サーバーにランサムウェア',
      '玩具製造のためしトイズは4日、社内サーバーがランサムウェアに感染したと発表した。',
    );
    expect(maker.organization).toBe('ためしトイズ');
  });
});

describe('data carried off', () => {
  it('reads the data of records an insider took away (持ち出し) as leaked: bank accounts make it high', () => {
    const r = classify(
      'ためし信用金庫、元職員が顧客の口座情報を持ち出し',
      'ためし信用金庫は6日、元職員が顧客120人分の氏名と口座番号を記載した資料を不正に持ち出していたと発表した。',
    );
    expect(r.cause).toBe('insider');
    expect(r.dataTypes).toContain('bank_account');
    expect(r.severity).toBe('high');
  });
});
