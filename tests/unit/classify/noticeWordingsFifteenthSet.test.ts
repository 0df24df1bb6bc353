/**
 * Wordings found missing by the blind set authored-x (its first look is on rules 2026-12-03.26:
 * short third-person items, advisories and regulator actions), each tested on a post written for
 * this test about a fictional organisation: a disciplinary item saying the incident was disclosed
 * at the time (当時…を公表し); a court ordering damages for an earlier attack; an award to a team
 * whose drills assume an attack (…を想定した訓練); papers put in the wrong envelopes (誤封入,
 * 書類が混入); a city instructing the body that runs its facility; a notice that it is
 * impersonated by SMS (the channel is no name); an advisory on fake shop sites; a security firm
 * buying another (株式取得, 子会社化) amid a trend (サイバー攻撃が増えるなか); a legal name after
 * its trade (住宅メーカーの…株式会社, 地銀の…銀行). The guards pass on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('short items, regulators that are cities, and notices that only sound like incidents', () => {
  it('reads a disciplinary item that says the incident was disclosed at the time as an update', () => {
    const r = classify(
      '住民の申請書をFAXで誤送信、職員を訓告　みほん市',
      'みほん市は18日、住民の申請書を別の事業者へFAXで誤送信した50代の職員を訓告とした。市は当時この誤送信を公表し、対象の住民に謝罪していた。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('misdelivery');
  });

  it('reads a court ordering damages for an earlier attack as an update', () => {
    const r = classify(
      'ためし記念病院のランサム被害、委託先に賠償命令　地裁',
      '2024年にランサムウェアに感染して診療が止まったためし記念病院が、システムの保守業者に損害賠償を求めた訴訟で、みほん地裁は9日、業者に約8千万円の支払いを命じた。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('ransomware');
  });

  it('does not alert on an award to a team whose drills assume an attack', () => {
    const r = classify(
      'ためし信用組合の対応チームに「防御賞」　演習の教材を公開',
      '一般社団法人みほんセキュリティ推進会は20日、今年の「防御賞」の受賞者を発表した。ためし信用組合のチームが、ランサムウェアの被害を想定した演習の教材を公開してきたことが評価された。',
    );
    expect(['off_topic', 'threat_intel']).toContain(r.kind);
  });

  it('reads papers put in the wrong envelopes (誤封入, 書類が混入) as misdelivery', () => {
    const r = classify(
      '固定資産税納税通知書の誤封入について',
      'みほん村が発送した固定資産税の納税通知書のうち、3通の封筒に別の方の通知書が混入していたことがわかりました。通知書には氏名、住所、税額が記載されています。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('misdelivery');
  });

  it('reads a city instructing the body that runs its facility as regulatory, and names that body', () => {
    const r = classify(
      'みほん市、指定管理者に改善指示　図書館利用者の名簿を誤掲載',
      'みほん市は2日、市立図書館の指定管理者である一般財団法人ためし文化事業団に対し、個人情報の管理に関する改善を文書で指示した。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('一般財団法人ためし文化事業団');
  });

  it('names the impersonated bank, not the SMS, in a warning signed by it', () => {
    const r = classify(
      '【注意喚起】ためし信用金庫を装ったSMSについて',
      '当金庫を装ったSMS(ショートメッセージ)が送られ、偽のログイン画面へ誘導される事例が寄せられております。\n当金庫がSMSでパスワードの入力をお願いすることはございません。\nためし信用金庫 事務部',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('phishing');
    expect(r.organization).toBe('ためし信用金庫');
  });

  it('guard: names the bank a news item says is impersonated, without its trade (地銀の…)', () => {
    const r = classify(
      '地銀のためし銀行を装うSMS、利用者に注意呼びかけ',
      'ためし銀行は6日、同行を装ったSMSで偽のログイン画面に誘導される事例が相次いでいるとして、利用者に注意を呼びかけた。',
    );
    expect(r.organization).toBe('ためし銀行');
  });

  it('guard: never names the notice’s own voice (当院の名前をかたる…) as the organisation', () => {
    const r = classify(
      '【重要】当院の名前をかたる不審なSMSにご注意ください',
      '当院の名前をかたり、予約の確認を装ったSMSが送られているとのお問い合わせをいただいております。\nためし眼科クリニック',
    );
    expect(r.organization).not.toBe('当院');
  });

  it('takes phishing for an advisory on fake shop sites', () => {
    const r = classify(
      '人気の家電を格安でうたう偽の通販サイトにご注意ください',
      'みほん県消費生活センターには、代金を振り込んだのに商品が届かないという相談が寄せられています。支払いは個人名義の口座への振込に限られているのが特徴です。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('phishing');
  });

  it('reads a security firm buying another amid a trend of attacks as off-topic', () => {
    const r = classify(
      '株式会社ためしガードの株式取得(子会社化)に関するお知らせ',
      '当社は、本日開催の取締役会において、不正アクセス検知の製品を手がける株式会社ためしガードの全株式を取得することを決議いたしました。サイバー攻撃が増えるなか、両社の技術を組み合わせてまいります。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('takes a legal name without the trade told before it (住宅メーカーの…株式会社)', () => {
    const r = classify(
      '顧客名簿を持ち出した疑い、元社員を逮捕',
      '住宅メーカーのためし工務店株式会社から顧客名簿を不正に持ち出したとして、みほん県警は4日、同社の元社員を逮捕した。',
    );
    expect(r.organization).toBe('ためし工務店株式会社');
  });

  it('guard: still reads an attack the notice says struck it, amid a trend, as an incident', () => {
    const r = classify(
      'サイバー攻撃による受注システムの停止について',
      'サイバー攻撃が増えるなか、当社の受注システムもサイバー攻撃を受け、5月10日から停止しております。お客様にはご迷惑をおかけし、深くお詫び申し上げます。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('unauthorized_access');
  });
});
