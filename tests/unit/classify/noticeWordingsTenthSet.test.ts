/**
 * Wordings found missing by the blind set authored-t ("organisations' own notice pages and
 * other sites' news"), each tested on a post written for this test about a fictional
 * organisation (not the set's sentences): names in a press release's header block (担当課：…),
 * in a greeting (平素より…をご利用いただき), in a small shop's first line (…舎より、お詫び…),
 * before 「の職員が」, and spelt out in a notice titled in its own voice (当社…について); a leak
 * found posted on a bulletin board; a product launch; a prefecture's recommendation; a school
 * report's 所見; and records that 「使えなくなりました」. Guards beside them pass on the rules
 * before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf } from '../../helpers/classify.js';

describe('names where own notice pages put them', () => {
  it('takes the city from a press release\u2019s header block (担当課：…)', () => {
    const r = classify(
      '',
      '報道発表資料\n発表日：2026年12月1日\n担当課：ためし市 市民生活部 市民協働課\n電子申請フォームの設定誤りについて\n本市が利用している電子申請サービスで、フォームの公開範囲の設定を誤っていたため、申込者420名分の氏名と住所が閲覧できる状態になっていました。',
    );
    expect(r.organization).toBe('ためし市');
    expect(r.cause).toBe('misconfiguration');
  });

  it('takes the company its greeting names (平素より…をご利用いただき)', () => {
    const r = classify(
      'オンライン予約サービスの停止について',
      '平素より株式会社ためし汽船をご利用いただき、誠にありがとうございます。\n本日午前、当社の予約サイトに大量のアクセスを送り付けるDDoS攻撃が行われ、サイトが利用できない状態となりました。',
    );
    expect(r.organization).toBe('株式会社ためし汽船');
    expect(labelsOf(r)).toEqual({ kind: 'incident', cause: 'ddos', severity: 'critical' });
  });

  it('takes a small shop that names itself in its first line (…舎より、お詫びを申し上げます)', () => {
    const r = classify(
      'お詫び',
      '焼き菓子ためし舎より、お詫びを申し上げます。\n先日お送りしたご案内メールで、お客様のメールアドレスをBCCに入れるべきところ、宛先の欄に入れたまま送信してしまいました。',
    );
    expect(r.organization).toBe('焼き菓子ためし舎');
    expect(r.cause).toBe('misdelivery');
  });

  it('leaves the staff out of the name (…協会の職員が)', () => {
    const r = classify(
      '当法人職員のパソコンにおける遠隔操作ソフトのインストールについて',
      '一般社団法人ためし観光協会の職員が、偽の警告画面に従って遠隔操作ソフトをインストールしてしまったことが分かりました。パソコンには会員約300名の氏名が保存されていました。心よりお詫び申し上げます。',
    );
    expect(r.organization).toBe('一般社団法人ためし観光協会');
  });

  it('takes the legal name a notice titled in its own voice spells out', () => {
    const r = classify(
      '当社サーバへの不正アクセスについて（第2報）',
      '2月1日に第1報でお知らせいたしました、株式会社ためし書房の購読管理サーバへの不正アクセスについて、調査が終わりましたのでご報告いたします。攻撃者はソフトウェアの脆弱性を悪用して侵入しておりました。',
    );
    expect(r.organization).toBe('株式会社ためし書房');
    expect(r.kind).toBe('incident_update');
  });

  it('guard: takes no legal name from a notice that neither speaks as itself nor names it again', () => {
    const r = classify(
      'サーバへの不正アクセスについて',
      'ためし市が業務を委託している株式会社ためし計算の受託サーバへの不正アクセスについて、ご報告いたします。',
    );
    expect(r.organization).not.toBe('株式会社ためし計算');
  });
});

describe('what happened, in the words of own notices and news', () => {
  it('reads customers\u2019 data found posted on a bulletin board as an incident', () => {
    const r = classify(
      'お客様情報の一部がインターネット上に掲載されていることについて',
      '株式会社ためし運送は、外部の方からのご指摘により、当社のお客様とみられる方の情報が、海外の掲示板サイトに掲載されていることを確認いたしました。掲載されていたのは約900名分の氏名と電話番号です。誠に申し訳ございません。',
    );
    expect(r.kind).toBe('incident');
    expect(r.affected).toBe(900);
  });

  it('reads a security appliance\u2019s launch as threat intelligence, not an incident', () => {
    const r = classify(
      'ためしネットワークス、中小企業向けUTMの新製品を4月発売',
      'ネットワーク機器メーカーのためしネットワークスは2日、不正侵入の検知やウイルス対策を1台にまとめた装置を4月1日に発売すると発表した。同社は「ランサムウェアの被害を防ぎたい中小企業に」としている。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.severity).toBe('info');
  });

  it('reads a prefecture\u2019s recommendation to a contractor (改善勧告) as regulatory', () => {
    const r = classify(
      'ためし県、指定管理者に改善勧告　県立プールの利用者名簿を紛失',
      'ためし県は3日、県立プールの指定管理者に対し、個人情報の管理について改善を勧告した。同社の職員が利用者約300人分の名簿を紛失していた。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.cause).toBe('loss_theft');
  });

  it('guard: a prefecture\u2019s own loss stays an incident', () => {
    const r = classify(
      'ためし県、県立高校で生徒名簿を紛失',
      'ためし県教育委員会は3日、県立高校の教諭が生徒約120人分の名簿を紛失したと発表した。',
    );
    expect(r.kind).toBe('incident');
  });

  it('does not read a school report\u2019s remarks (通知表の所見) as health data', () => {
    const r = classify(
      'ためし市の小学校教諭、児童120人分の成績入りUSBメモリー紛失',
      'ためし市教育委員会は2日、市立小学校の教諭が、児童120人分の氏名とテストの点数、通知表の所見を保存したUSBメモリーを紛失したと発表した。',
    );
    expect(r.dataTypes).not.toContain('medical');
    expect(r.severity).toBe('low');
  });

  it('reads records that 「使えなくなりました」 after ransomware as an outage', () => {
    const r = classify(
      '【重要】診療に関するお知らせ',
      'ためし歯科医院よりお知らせです。受付のパソコンがランサムウェアに感染し、予約の管理と電子カルテが使えなくなりました。明日は急患の方のみ診療いたします。ご迷惑をおかけして申し訳ございません。',
    );
    expect(r.severity).toBe('critical');
    expect(r.disruption).toBe(true);
  });
});
