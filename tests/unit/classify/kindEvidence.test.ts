/**
 * Kind from the whole post, each kind of evidence with a post written for the
 * test (fictional organisations): no series tag, and titles that say little.
 */
import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

describe('kind from the whole post', () => {
  it('takes an untitled first-person notice of an attack as an incident (disclosure voice)', () => {
    const r = classify(
      '',
      'お客様各位\n株式会社みほん精工\n当社サーバーへの不正アクセスについて\nこのたび、当社の受注管理サーバーが第三者による不正アクセスを受けたことが判明いたしました。お客様には多大なるご迷惑とご心配をおかけし、深くお詫び申し上げます。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('unauthorized_access');
    expect(r.organization).toBe('株式会社みほん精工');
  });

  it('takes a city\u2019s own notice of ransomware on school servers as an incident, whatever its title', () => {
    const r = classify(
      '市立小学校のサーバーの障害について',
      '本市が管理する市立小学校の校務用サーバーがランサムウェアに感染し、データが暗号化されていることが判明しました。本市では、感染したサーバーをネットワークから切り離しました。市民の皆様にご心配をおかけし、お詫び申し上げます。\nみほん市教育委員会',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('ransomware');
    expect(r.organization).toBe('みほん市教育委員会');
  });

  it('takes third-person news about a named organisation as an incident (news lead)', () => {
    const r = classify(
      'ミホン航空のサイトに接続障害 大量の通信を送り付けられる',
      'ミホン航空は3日、公式サイトがDDoS攻撃を受け、予約ページがつながりにくい状態になったと発表した。同社によると、顧客情報の流出は確認されていない。',
    );
    expect(r.kind).toBe('incident');
    expect(ruleOf(r, 'kind')).toBe('kind.incident.news-lead');
    expect(r.cause).toBe('ddos');
    expect(r.organization).toBe('ミホン航空');
  });

  it('takes an advisory about a method as threat intel, not an incident (advisory)', () => {
    const r = classify(
      '宅配業者をかたる不在通知SMSにご注意ください',
      '宅配業者を装ったSMSで偽サイトに誘導し、IDとパスワードを入力させる手口が相次いでいます。心当たりのないSMSのURLは開かないでください。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(ruleOf(r, 'kind')).toBe('kind.threat-intel.advisory');
    expect(r.severity).toBe('info');
  });

  it('takes a regulator acting on an organisation as regulatory, naming the organisation acted upon (regulator)', () => {
    const r = classify(
      '総務省、ミホン通信に行政指導 委託先経由の不正アクセスで',
      '総務省は5日、ミホン通信に対し、利用者情報の管理を徹底するよう文書で行政指導した。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('ミホン通信');
  });

  it('takes an organisation reporting the guidance it received as an update, not as the regulator\u2019s post', () => {
    const r = classify(
      '個人情報保護委員会からの指導について',
      '本市は、昨年公表した住民情報の誤送付について、個人情報保護委員会から指導を受けました。市民の皆様にご迷惑をおかけしたことを改めてお詫び申し上げます。\nみほん市',
    );
    expect(r.kind).toBe('incident_update');
  });

  it('takes a notice citing its earlier notice as an update (update citation)', () => {
    const r = classify(
      '当社サーバーへの不正アクセスに関する追加のご報告',
      '当社は、2024年5月10日付の第一報において、当社サーバーが不正アクセスを受けたことをお知らせいたしました。このたび調査が完了しましたのでご報告いたします。\n株式会社みほん住建',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.organization).toBe('株式会社みほん住建');
  });

  it('finds the organisation in the name before 当社 when the title lacks it (body organisation)', () => {
    const r = classify(
      '会員情報の流出に関するお詫び',
      '株式会社みほんネット(以下「当社」)が運営する会員サイトで、会員情報が外部に流出した可能性があることが判明しました。深くお詫び申し上げます。',
    );
    expect(r.organization).toBe('株式会社みほんネット');
    expect(ruleOf(r, 'organization')).toBe('organization.body.before-voice');
  });

  it('does not count an event the post denies (negation): a maintenance notice stays off-topic', () => {
    const r = classify(
      'システムメンテナンスに伴うサービス休止のお知らせ',
      'いつも当行をご利用いただきありがとうございます。定期保守のため、下記の時間帯にサービスを休止いたします。本作業は計画的な保守であり、不正アクセスによるものではありません。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('keeps a personal post with a security-looking word off-topic', () => {
    const r = classify(
      '旅先で置き引きに遭いかけた話',
      '夜市で屋台に並んでいたら、足元のバッグを持っていかれそうになった。次からは前に抱えることにする。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('takes an organisation\u2019s own Emotet notice as malware, though its title warns of spoofed mails (rule 1)', () => {
    const r = classify(
      '',
      '【お詫び】弊社を装った不審メールについて\n株式会社みほん機工\n弊社従業員のパソコンがマルウェア「Emotet」に感染し、弊社を装った不審なメールが送信されていることを確認いたしました。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('malware');
    expect(r.organization).toBe('株式会社みほん機工');
  });

  it('keeps the kana that open an organisation\u2019s name in a news lead', () => {
    const r = classify(
      'みほん市立学校のサーバーにランサムウェア攻撃',
      'みほん市教育委員会は10日、市立小中学校の校務サーバーがランサムウェアに感染し、成績データなどが暗号化されたと発表した。',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('みほん市教育委員会');
  });
});
