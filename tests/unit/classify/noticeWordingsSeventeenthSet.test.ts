/**
 * Wordings found missing by the blind set authored-z (its first look is on rules 2026-12-03.28:
 * public bodies and small organisations, and the news about them), each tested on a post written
 * for this test about a fictional organisation: a follow-up giving the earlier figure (…の発表で約N人
 * 分としていたが; 前回「約N名」とお知らせしましたが); a finding that no intrusion or wrong setting was
 * found (…や設定の誤りは見つかっていない); card payments stopped as a precaution (決済の受付を停止);
 * a defacement notice asking readers not to enter card numbers; a cumulative count beside the
 * number of distinct people (延べ…, 重複を除いた実人数は…); papers sent to the wrong business (誤った
 * 事業所に送付); a headline naming the staff of an organisation (…市の元職員を逮捕); a feature whose
 * headline opens with a quote; a mail whose addresses were shown (宛先を誤り is no spam). The guard
 * passes on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('follow-ups with earlier figures, precautions, counts of distinct people and feature headlines', () => {
  it('reads a follow-up that gives the earlier figure (…の発表で…としていたが) as an update with the new count', () => {
    const r = classify(
      '委託先の不正アクセス、流出のおそれ約9,400人に拡大　みほん市',
      'みほん市は20日、委託先の事業者が不正アクセスを受けた問題で、個人情報が流出したおそれのある市民が約9,400人に増えたと発表した。市は12日の発表で約6,100人分としていたが、再調査で別のサーバにもデータが残っていたことが分かった。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.affected).toBe(9400);
  });

  it('takes the confirmed count, not the earlier one the report quotes (前回「約N名」とお知らせしましたが)', () => {
    const r = classify(
      '会員情報の流出に関する調査結果のご報告',
      '6月2日に公表いたしました会員情報の流出について、調査が完了いたしました。前回「約2,500名」とお知らせしましたが、流出した会員様は2,468名分の氏名とメールアドレスであることが確定いたしました。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.affected).toBe(2468);
  });

  it('reads no wrong setting into a leak whose route is unknown (…や設定の誤りは見つかっていない)', () => {
    const r = classify(
      'ためし短期大学の学生名簿、ネット掲示板に　流出経路わからず',
      'ためし短期大学は8日、学生約300人分の氏名を記した名簿が匿名掲示板に書き込まれていたと発表した。学内のシステムを調べたが、外部からの侵入や設定の誤りは見つかっていないという。',
    );
    expect(r.cause).not.toBe('misconfiguration');
    expect(r.cause).not.toBe('unauthorized_access');
  });

  it('reads card payments stopped as a precaution (決済の受付を停止) as no outage', () => {
    const r = classify(
      'お詫び',
      '弊社の通販サイトで決済画面が改ざんされ、お客様のカード情報が流出した可能性がございます。弊社では6月3日にカード決済の受付を停止いたしました。\n有限会社ためし茶園',
    );
    expect(r.cause).toBe('web_skimming');
    expect(r.disruption).toBe(false);
    expect(r.severity).not.toBe('critical');
  });

  it('guard: reads a defacement notice asking readers not to enter card numbers as low, with no card data', () => {
    const r = classify(
      '町公式ホームページの改ざんについて',
      '町のホームページの一部が第三者により改ざんされ、閲覧者が外部のサイトへ転送される状態となっておりました。ホームページのサーバには個人情報は保存しておりません。転送先のサイトでカード番号などを入力したりされないよう、お願いいたします。\nみほん町 総務課',
    );
    expect(r.cause).toBe('unauthorized_access');
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.severity).toBe('low');
  });

  it('takes the number of distinct people over a cumulative count (延べ…, 重複を除いた実人数は…)', () => {
    const r = classify(
      '共有フォルダの設定誤りによる学生情報の閲覧可能状態について',
      '本学のクラウドストレージの共有フォルダが、学外からも閲覧できる状態になっておりました。閲覧可能となっていたのは受講者名簿で、受講者数は延べ2,310名、重複を除いた実人数は1,580名です。',
    );
    expect(r.cause).toBe('misconfiguration');
    expect(r.affected).toBe(1580);
  });

  it('reads an untitled notice of papers sent to the wrong business (誤った事業所に送付) as misdelivery', () => {
    const r = classify(
      '',
      '本市からお送りしている特別徴収税額の決定通知書の一部を、誤った事業所に送付していたことが判明しました。通知書には従業員の方の氏名と税額が記載されております。\nみほん市 市民税課',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('misdelivery');
  });

  it('names the organisation whose former staff a headline names (…市の元職員を逮捕)', () => {
    const r = classify(
      '住民情報を売却の疑い　みほん市の元職員を逮捕',
      'みほん県警は3日、市役所で扱っていた住民の個人情報を名簿業者に売り渡したとして、みほん市の元職員の男を逮捕した。',
    );
    expect(r.organization).toBe('みほん市');
  });

  it('names the town after a feature headline’s opening quote, not the quote', () => {
    const r = classify(
      '「うちのような町こそ狙われる」　みほん町、職員メール乗っ取りで迷惑メール8千通',
      'みほん町で4月、職員のメールアカウントが乗っ取られ、約8千通の迷惑メールが送られた。',
    );
    expect(r.organization).toBe('みほん町');
  });

  it('counts the people whose addresses a mis-sent mail showed, cumulative or not (宛先を誤り is no spam)', () => {
    const r = classify(
      'メールの誤送信について',
      '当協会が送信したメールで、宛先を誤り、会員の皆様延べ340名分のメールアドレスが他の受信者に表示される状態となりました。',
    );
    expect(r.affected).toBe(340);
  });
});
