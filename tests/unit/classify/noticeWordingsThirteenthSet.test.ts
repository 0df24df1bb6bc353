/**
 * Wordings found missing by the blind set authored-v (its first look is on rules 2026-12-03.21),
 * each tested on a post written for this test about a fictional organisation: attack words in a
 * service's description (…が疑われる場合はご相談ください), a notice of the organisation's own
 * business (a holiday, hiring, a new way to log in), attacks an organisation says it acts to
 * prevent or says it did not suffer (…やフィッシングの被害を未然に防ぐ, …や情報の流出が起きたこと
 * によるものではございません), its name used without leave in fake messages, and a company whose
 * kana name holds a particle (ためのきシステムズ); a vendor observing a campaign (キャンペーンを観測
 * しています) and fraud by telephone (電話による詐欺) as a topic. The guards pass on the rules
 * before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('business notices, hypothetical attacks and names with particles inside', () => {
  it('reads a security firm’s holiday notice as off-topic, whatever services it lists', () => {
    const r = classify(
      '年末年始の休業日のお知らせ',
      'ためしサイバー株式会社\n誠に勝手ながら、12月29日から1月3日まで休業とさせていただきます。\nマルウェア感染や不正アクセスが疑われる場合など、緊急のご相談は契約者様専用の窓口で受け付けております。\nご不便をおかけいたしますが、ご了承ください。',
    );
    expect(r.kind).toBe('off_topic');
    expect(r.severity).toBe('info');
  });

  it('reads a bank’s notice of a new way to log in as off-topic, not an incident or a write-up', () => {
    const r = classify(
      '来月からインターネットバンキングのログイン方法が変わります',
      'ためし信用金庫\n来月から、ログインの際にワンタイムパスワードの入力が必要になります。全国で増えている不正ログインやフィッシングの被害を未然に防ぐための取り組みです。\n当金庫で不正ログインやお客様情報の流出が起きたことによるものではございません。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('reads an organisation whose name and logo are used without leave as impersonated', () => {
    const r = classify(
      '重要なお知らせ',
      'ためし火災保険株式会社(以下「弊社」)の名称やロゴを無断で使用したSMSが送信されているとの情報が寄せられております。\nSMSのURLを開くと偽サイトが表示され、カード番号の入力を求められます。本件は、弊社のシステムへの不正アクセスやお客様情報の漏えいによるものではございません。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('phishing');
  });

  it('takes a contractor whose kana name holds a particle (…のきシステムズ) whole', () => {
    const r = classify(
      '委託先のためのきシステムズに不正アクセス　みほん市の住民情報流出の恐れ',
      'みほん市は2日、システムの保守を委託している株式会社ためのきシステムズ(本社:みほん市)のサーバが不正アクセスを受け、住民約900人分の氏名と住所が流出した恐れがあると発表した。',
    );
    expect(r.organization).toBe('ためのきシステムズ');
  });

  it('reads a vendor observing a campaign (キャンペーンを観測しています) as a write-up, not an incident', () => {
    const r = classify(
      '偽のインストーラーを配る情報窃取型マルウェアの攻撃キャンペーン',
      'ためしセキュリティ リサーチチーム\n1月から、検索広告から偽のダウンロードサイトへ誘導し、情報窃取型マルウェアを配布する攻撃キャンペーンを観測しています。感染すると、ブラウザに保存されたIDとパスワードが盗まれ、企業のクラウドサービスへの不正ログインに使われます。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('malware');
  });

  it('takes phishing for an advisory on fraud by telephone (電話による詐欺)', () => {
    const r = classify(
      '【注意】電話による詐欺について',
      'ためし県警察 サイバー犯罪対策課\n銀行の担当者を名乗る者から電話があり、手続きを口実にメールで偽のログイン画面へ誘導され、IDやパスワードを入力した結果、預金が不正に送金される被害が相次いでいます。電話で案内された手続きは、必ず銀行の窓口に確かめてください。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('phishing');
  });

  it('reads a request to change passwords (パスワード変更等をお願い) as no credentials at stake', () => {
    const r = classify(
      '公式サイトの改ざんについて',
      '当協会の公式サイトが第三者に改ざんされ、閲覧した方が無関係のサイトに転送される状態となっておりました。サーバには個人情報を保存しておらず、個人情報の流出はございません。\n転送先で情報を入力された方は、必要に応じて各サービスのパスワード変更等をお願いいたします。',
    );
    expect(r.dataTypes).not.toContain('credentials');
    expect(r.severity).toBe('low');
  });

  it('guard: a notice of a closure the attack caused is still an incident', () => {
    const r = classify(
      '臨時休業のお知らせ',
      '当店の販売管理システムがランサムウェアに感染し、データが暗号化されたため、本日は臨時休業とさせていただきます。ご迷惑をおかけし申し訳ございません。',
    );
    expect(r.kind).toBe('incident');
  });

  it('guard: an attack told as what happened is not negated by a later 防ぐ', () => {
    const r = classify(
      '不正ログインの発生について',
      '当社の会員サイトで第三者による不正ログインが発生し、約500件のアカウントでポイントが使われました。今後、同様の被害を防ぐため二段階認証を導入します。',
    );
    expect(r.cause).toBe('account_compromise');
  });
});
