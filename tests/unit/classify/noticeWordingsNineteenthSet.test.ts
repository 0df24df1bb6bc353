/**
 * Wordings found missing by the blind sets authored-aa and authored-ab (their first look is on
 * rules 2026-12-04.32), each tested on a post written for this test about a fictional
 * organisation: a failed redaction told as news, a write-up word inside a service's quoted name,
 * a measure against taking data out (持ち出し禁止), a login-method notice that closes with the
 * usual "we never ask for your password", a security vendor's write-up whose title says what the
 * lure imitates (更新通知を装う), and a harm only feared (…に悪用されるおそれ); and names: a
 * headline's name that the lead gives with its seat in brackets (…機工(新潟県)の…), a service's
 * operator named in a sentence of its own (運営する…(東京都)が7日、明らかにした), and a quoted sale
 * phrase that names no service (「…まで全品半額」は偽投稿); and causes, severity and data: notices
 * mailed to the wrong people by a machine's defect, stored passwords said to be encrypted, card
 * data a fake post asks for, an order page rewritten, a signature's support desk, and an operator
 * named in brackets (運営:…); and data types: a list introduced as 対象の情報は, a list of what was
 * posted online (掲載されていたのは…), and a password only named as reset (パスワードを初期化) or as the
 * means of a list attack (…の組み合わせを用いた不正ログイン). The guards beside them pass on the rules
 * before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify, ruleOf } from '../../helpers/classify.js';

describe('kind from the wordings of the blind sets aa and ab', () => {
  it('reads a failed redaction in disclosed documents as an incident (黒塗り漏れ)', () => {
    const r = classify(
      'ためし町、公開資料の黒塗り漏れ　住民3人の氏名が読める状態に',
      'ためし町は2日、情報公開請求に応じて開示した資料で、本来黒塗りにすべき部分が消されておらず、住民3人の氏名と電話番号が読める状態だったと発表した。町によると、担当者が処理前のファイルを印刷していた。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('misdelivery');
    expect(r.organization).toBe('ためし町');
    expect(r.dataTypes).toEqual(expect.arrayContaining(['name', 'phone']));
  });

  it('reads a write-up word inside a quoted service name as part of the name', () => {
    const r = classify(
      '求人サービス「ためしキャリア」、登録者約2万人分が閲覧可能な状態に',
      '求人サービス「ためしキャリア」を運営する株式会社ためし人材(東京都港区)は3日、登録者の情報を保存していたデータベースが、設定の誤りにより外部から閲覧できる状態になっていたと発表した。対象は約2万人分の氏名とメールアドレス。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('misconfiguration');
  });

  it('guard: a career article is still security material', () => {
    const r = classify(
      'セキュリティ人材のキャリアを考える',
      'セキュリティ分野で働く人のキャリアについて、脆弱性診断やインシデント対応の経験者に話を聞いた。',
    );
    expect(r.kind).toBe('threat_intel');
  });

  it('reads a certification notice that forbids taking devices out as no incident', () => {
    const r = classify(
      'ISMS認証取得のお知らせ',
      '株式会社ためしデータは、情報セキュリティマネジメントシステムの国際規格の認証を取得いたしました。当社はこれまでも書類の施錠保管や作業端末の持ち出し禁止などに取り組んでまいりました。今後ともよろしくお願い申し上げます。',
    );
    expect(r.kind).toBe('off_topic');
    expect(r.organization).toBeNull();
  });

  it('guard: data taken out by a former employee is still an event', () => {
    const r = classify(
      '元従業員による顧客情報の持ち出しについて',
      '当社の元従業員が、在職中に顧客名簿を持ち出していたことが判明しました。関係する皆様に深くお詫び申し上げます。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('insider');
  });

  it('reads a login-method notice with the password disclaimer as a business notice', () => {
    const r = classify(
      'インターネットバンキングのログイン方法変更について',
      'ためし銀行では、2028年1月より、インターネットバンキングのログイン時にワンタイムパスワードの入力をお願いいたします。ご不明な点はお問い合わせください。なお、当行からお電話やメールでパスワードをお尋ねすることはございません。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('guard: an organisation that warns it is impersonated still reports an incident', () => {
    const r = classify(
      'ためし銀行を装った不審なメールについて',
      '当行を装った不審なメールが複数のお客様に届いています。当行からメールでパスワードをお尋ねすることはございません。メールのリンクは開かないでください。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('phishing');
  });

  it("reads a vendor's write-up of a campaign imitating update notices as threat intel", () => {
    const r = classify(
      '会計ソフトの更新通知を装うマルウェア配布について',
      '株式会社ためしセキュリティ 脅威分析チーム\n当社は10月以降、会計ソフトの「更新のお知らせ」を装ったメールで情報窃取型マルウェアを配布する攻撃を継続して観測しています。盗まれた認証情報は、クラウドサービスへの不正ログインに悪用されるおそれがあります。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('malware');
    expect(r.organization).toBeNull();
  });
});

describe('organisation from the blind sets aa and ab', () => {
  it("takes a headline's name that the lead gives with its seat in brackets", () => {
    const r = classify(
      '精密部品のためし機工、公式サイトが改ざん被害',
      '精密部品メーカーのためし機工(長野県)の公式サイトが改ざんされ、一部のページから外部の不審なサイトに転送される状態になっていたことが分かった。同社が3日に公表した。',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('ためし機工');
  });

  it('takes the name after a quoted sale phrase that names no service', () => {
    const r = classify(
      '「12月31日まで全品半額」は偽投稿　ためし菓子店の公式SNSが乗っ取られる',
      '洋菓子店のためし菓子店(神戸市)の公式SNSアカウントが第三者に乗っ取られ、「12月31日まで全品半額」とうたう偽の投稿が相次いだ。同店は4日、アカウントに不正にログインされたと明らかにした。',
    );
    expect(r.organization).toBe('ためし菓子店');
    expect(r.cause).toBe('account_compromise');
  });

  it("takes a service's operator that the news names in a sentence of its own", () => {
    const r = classify(
      '予約管理「ためし帳」で約3万人分が閲覧可能に',
      'クラウド型の予約管理サービス「ためし帳」で、利用者の氏名と電話番号が誰でも閲覧できる状態になっていたことが分かった。運営するためしクラウド(東京都)が7日、明らかにした。',
    );
    expect(r.organization).toBe('ためしクラウド');
  });

  it("guard: a quoted service's name is still the organisation where no operator is named", () => {
    const r = classify(
      '「ためしマート」で不正ログイン　会員500人のポイント使われる',
      '通販サイト「ためしマート」で、会員のアカウントに第三者が不正にログインし、ポイントが使われる被害があった。',
    );
    expect(r.organization).toBe('ためしマート');
  });
});

describe('causes, severity and names from the blind set ab', () => {
  it("reads notices mailed to the wrong people as misdelivery, though a machine's defect caused it", () => {
    const r = classify(
      'ためし印刷が封入誤り　契約者80人分の通知書を別人に',
      '印刷業務を受託するためし印刷(大阪府)は5日、委託元から預かった通知書を封入する際に誤りがあり、80人分の通知書が別の契約者に届いたと発表した。封入機の設定変更の際に宛名がずれる不具合が生じたという。',
    );
    expect(r.cause).toBe('misdelivery');
  });

  it('guard: data shown to other users by an app defect is still misconfiguration', () => {
    const r = classify(
      'アプリの不具合による他の利用者の情報表示について',
      '当社のアプリにおいて、プログラムの不具合により、一部のお客様の画面に他のお客様のお名前と注文履歴が表示される事象が発生いたしました。深くお詫び申し上げます。',
    );
    expect(r.cause).toBe('misconfiguration');
  });

  it('sets no sensitive-data row for stored passwords the post says were encrypted', () => {
    const r = classify(
      '会員サイトへの不正アクセスについて',
      '当社の会員サイトが外部から不正アクセスを受け、会員2,300名分の氏名、メールアドレス、ログインIDおよびパスワードが流出した可能性がございます。なお、パスワードは暗号化したうえで保存しておりました。ご迷惑をおかけし、申し訳ございません。',
    );
    expect(r.dataTypes).toContain('credentials');
    expect(r.severity).toBe('medium');
    expect(ruleOf(r, 'severity')).not.toBe('severity.sensitive-data');
  });

  it('guard: stored passwords kept without encryption still set the sensitive-data row', () => {
    const r = classify(
      '会員サイトへの不正アクセスについて',
      '当社の会員サイトが外部から不正アクセスを受け、会員2,300名分の氏名、メールアドレス、ログインIDおよびパスワードが流出した可能性がございます。パスワードは暗号化されずに保存されていました。申し訳ございません。',
    );
    expect(r.severity).toBe('high');
  });

  it('reads the card data a fake post asks its readers to enter as no data leaked', () => {
    const r = classify(
      '雑貨のためし屋、公式インスタグラムが乗っ取られ偽キャンペーン投稿',
      '雑貨店を展開するためし屋(神戸市)は2日、公式インスタグラムのアカウントが第三者に乗っ取られ、偽のキャンペーンが投稿されたと発表した。投稿には「当選者は専用ページでカード情報を登録してください」などと書かれていた。アカウントには顧客の個人情報は登録していない。',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.severity).toBe('low');
  });

  it('reads an order page rewritten to take card data as web skimming, and the operator in brackets', () => {
    const r = classify(
      'ネットショップ休止のお知らせ',
      'いつも当店をご利用いただき、ありがとうございます。\n決済代行会社から、当店の注文画面が書き換えられ、カード情報が抜き取られていた可能性があると連絡がありました。確認が終わるまで、ネットショップをお休みします。\nためし珈琲\n(運営:有限会社ためし商店)',
    );
    expect(r.cause).toBe('web_skimming');
    expect(r.organization).toBe('有限会社ためし商店');
  });

  it("takes a signature's company without its support desk", () => {
    const r = classify(
      '当社を装ったSMSに関するよくあるご質問',
      '株式会社ためしペイを名乗るSMSが多数確認されております。\nQ1. ためしペイからこのようなSMSを送っていますか。\nA. いいえ。当社からSMSでお支払い情報の更新をお願いすることはございません。偽サイトにはご注意ください。\n株式会社ためしペイ カスタマーサポート',
    );
    expect(r.kind).toBe('incident');
    expect(r.organization).toBe('株式会社ためしペイ');
  });
});

describe('data types from the blind sets aa and ab', () => {
  it('reads a list introduced as 対象の情報は as the data involved', () => {
    const r = classify(
      '元講師による生徒情報の持ち出しについて',
      '当社の元講師が、在職中に生徒の情報を無断で持ち出していたことが判明いたしました。対象の情報は、お名前、ご住所、電話番号です。深くお詫び申し上げます。',
    );
    expect(r.dataTypes).toEqual(['name', 'address', 'phone']);
  });

  it('reads a list of what was posted online (掲載されていたのは…) as the data involved', () => {
    const r = classify(
      'お客様情報の一部がインターネット上に掲載されていた件について',
      '当社のお客様の情報の一部が、インターネット上の掲示板に掲載されていることが判明いたしました。掲載されていたのは、お客様320名のお名前とご住所の一覧です。',
    );
    expect(r.dataTypes).toEqual(['name', 'address']);
  });

  it('reads a password reset or used in a list attack as no data leaked', () => {
    const r = classify(
      '不正ログインについて',
      '当社が運営するゲームにおいて、他のサービスから流出したと思われるIDとパスワードの組み合わせを用いた不正ログインが発生いたしました。\nこれらのアカウントでは、登録メールアドレスと購入履歴が閲覧された可能性がございます。\n対象のアカウントはパスワードを初期化し、ご登録のメールアドレスへご案内をお送りしております。',
    );
    expect(r.dataTypes).toEqual(['email', 'purchase_history']);
  });

  it('guard: stored passwords that leaked are still credentials', () => {
    const r = classify(
      '不正アクセスによる会員情報流出について',
      '当社の会員サイトが不正アクセスを受け、会員のメールアドレスおよびパスワードが流出した可能性がございます。',
    );
    expect(r.dataTypes).toEqual(['email', 'credentials']);
  });
});
