/**
 * Wordings found missing by the blind set authored-p, each tested on a post written for this
 * test about a fictional organisation (not the set's sentences): a vulnerability advisory that
 * tells of the flaw exploited; card numbers a screen never shows (カード番号全体が閲覧される
 * ことはありません); a bank's former employee (元行員) taking data; a cache shared by a wrong
 * setting; a later report on the organisation being impersonated, whose counts are fake sites,
 * not people; a first line that names who speaks (…よりお知らせいたします) or whose readers it
 * addresses (…をご覧の皆様へ); and list lines of groups of people counted in different units.
 * Guards beside them pass on the rules before and after, so that a wording cannot be bought by
 * breaking its neighbour.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf, ruleOf } from '../../helpers/classify.js';

describe('advisories on an exploited flaw', () => {
  it('gives a vulnerability advisory that tells of intrusions through the flaw its topic, unauthorized_access', () => {
    const r = classify(
      'リモート接続装置に重大な脆弱性　攻撃での悪用を確認、更新を要請',
      '複数のメーカーが販売するリモート接続装置に、ログインせずに管理者権限を奪える脆弱性があることが分かった。調整機関は、この脆弱性を突いた侵入の被害が国内の企業で相次いでいるとして、早急な更新を呼びかけている。更新できない場合は、装置の外部公開を止めるよう求めている。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'threat_intel',
      cause: 'unauthorized_access',
      severity: 'info',
    });
    expect(ruleOf(r, 'cause')).toBe('cause.tie-break-6.exploited-flaw-topic');
  });

  it('guard: keeps a write-up that only names flaws and intrusion tests on other', () => {
    const r = classify(
      '診断担当者向けの無料ツールまとめ',
      '脆弱性診断や侵入テストに使える無料ツールを紹介する。いずれも脆弱性の発見を手助けするもので、改ざん検知や侵入検知の仕組みを学ぶ教材にもなる。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('other');
  });
});

describe('card numbers a screen never shows', () => {
  it('does not read a card number whose whole is never viewable as card data', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-980】株式会社ためし文具 通販サイトへの不正ログインについて 2026/12/1',
      '当社の通販サイトで、他社から流出したとみられるIDとパスワードを使った不正ログインが発生し、2,310件のアカウントでお名前、ご住所、ご注文履歴が閲覧された可能性があります。登録カードは下4桁のみの表示のため、カード番号全体が閲覧されることはありません。',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'account_compromise',
      severity: 'medium',
    });
  });

  it('does not read a card number that the screen does not display as card data', () => {
    const r = classify(
      '音楽配信「ためしサウンド」に不正ログイン　会員2万人分閲覧の恐れ',
      '音楽配信サービス「ためしサウンド」を運営するためしメディア株式会社は3日、会員アカウントに不正ログインがあり、2万人分の氏名やメールアドレスが閲覧された恐れがあると発表した。同社によると、登録されたクレジットカードで楽曲が購入された例もあったが、カード番号そのものは画面に表示されない仕組みだという。',
    );
    expect(r.dataTypes).not.toContain('credit_card');
    expect(r.severity).toBe('high');
  });

  it('guard: still reads card numbers that were taken as card data', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-981】株式会社ためし茶舗 カード情報流出に関するお詫び 2026/12/1',
      '当社の通販サイトが不正アクセスを受け、お客様のカード番号と有効期限、1,240件が流出した可能性があります。',
    );
    expect(r.dataTypes).toContain('credit_card');
    expect(r.severity).toBe('critical');
  });
});

describe('insiders named as their trade calls them', () => {
  it('reads a bank\u2019s former employee (元行員) taking customers\u2019 data as insider under a regulator\u2019s order', () => {
    const r = classify(
      '金融庁、ためし銀行に業務改善命令　顧客情報の持ち出しで',
      '金融庁は2日、ためし銀行に銀行法に基づく業務改善命令を出した。同行の元行員が退職前に顧客約900人分の氏名や預金残高を私物の媒体に書き出し、転職先での営業に使っていた問題で、情報の管理体制に不備があったと判断した。',
    );
    expect(labelsOf(r)).toEqual({ kind: 'regulatory', cause: 'insider', severity: 'info' });
  });
});

describe('settings that share what should be separate', () => {
  it('reads a page cache set to be shared by everyone as misconfiguration', () => {
    const r = classify(
      '重要なお知らせ',
      'ためし生活協同組合 組合員の皆様へ\n宅配注文サイトにおいて、12月1日の午前中、ログインした組合員様の画面に別の組合員様のお名前とご注文内容が表示される場合がありました。当日朝の作業で、組合員様ごとに分けるべき画面の一時保存を全員で共有する設定にしてしまったことが原因です。表示された可能性があるのは最大42名様です。ご迷惑をおかけし、深くお詫び申し上げます。',
    );
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'misconfiguration',
      severity: 'low',
    });
  });
});

describe('later reports on the organisation being impersonated', () => {
  const update = classify(
    '【第3報】当社を装った偽の通販サイトについて',
    '株式会社ためし雑貨よりお知らせいたします。\n11月20日にお知らせした当社を装った偽サイトについて、その後の状況をご報告いたします。これまでに確認した4件に加え、当社の商品写真を無断で使った偽サイトが新たに3件見つかりました。当社のシステムからお客様の情報が流出したものではございません。',
  );

  it('reads the report as an update of the impersonation incident', () => {
    expect(update.kind).toBe('incident_update');
    expect(ruleOf(update, 'kind')).toBe('kind.update.impersonation-notice-update');
  });

  it('counts fake sites as no one\u2019s data: the notice stays low', () => {
    expect(update.cause).toBe('phishing');
    expect(update.severity).toBe('low');
  });

  it('finds the organisation in the first line that says who speaks (…よりお知らせいたします)', () => {
    expect(update.organization).toBe('株式会社ためし雑貨');
  });

  it('guard: a first impersonation notice stays an incident', () => {
    const r = classify(
      '当社を装った偽の通販サイトについて',
      '株式会社ためし雑貨よりお知らせいたします。当社の名称を無断で使った偽の通販サイトが見つかりました。ご注意ください。',
    );
    expect(r.kind).toBe('incident');
  });
});

describe('who a notice addresses in its first line', () => {
  it('names the organisation whose site\u2019s readers the first line addresses', () => {
    const r = classify(
      'ホームページ閉鎖のお知らせ',
      '一般社団法人ためし山岳会のホームページをご覧の皆様へ\n当会のホームページの一部が書き換えられ、不審なサイトへ転送される状態になっていました。管理ソフトの脆弱性を突かれて改ざんされたものです。ホームページには個人情報を保存しておらず、個人情報の漏えいはございません。',
    );
    expect(r.organization).toBe('一般社団法人ためし山岳会');
    expect(r.cause).toBe('unauthorized_access');
  });
});

describe('list lines of groups of people in different units', () => {
  it('adds up a group counted in 名 and a group counted in 件, each on its own line with its items', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-982】株式会社ためし化成 不正アクセスに関するお知らせ 2026/12/1',
      '当社のファイルサーバが不正アクセスを受け、以下の情報が外部に送信された痕跡が確認されました。\n従業員・退職者 1,300名:氏名、住所、生年月日\nお取引先のご担当者 約2千件:氏名、電話番号、メールアドレス',
    );
    expect(r.affected).toBe(3300);
    expect(r.severity).toBe('medium');
  });

  it('guard: does not add a line of card data under the people it belongs to', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-983】株式会社ためし画材 カード情報流出のお詫び 2026/12/1',
      '当社の通販サイトが不正アクセスを受け、以下の情報が流出した可能性があります。\nお客様の氏名、住所、電話番号:4,100名\nクレジットカード番号、有効期限、セキュリティコード:1,900件',
    );
    expect(r.affected).toBe(4100);
  });
});
