/**
 * Wordings still missing after the round on authored-r, found among the older blind sets' misses
 * (authored-q), each tested on a post written for this test about a fictional organisation: news
 * that tells of a disclosure made earlier (…を公表して以降), a defect brought in by an update
 * (プログラム更新に不具合があり), a name shortened on first use (…(以下「ためし生協」)), the
 * staff member whose hijacked account sent mail, who is no one whose data leaked, and a finding
 * reached by scrutiny (精査した結果). Guards beside
 * them pass on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify, labelsOf } from '../../helpers/classify.js';

describe('news of a disclosure made earlier', () => {
  it('reads a news item that counts from the first disclosure (公表して以降) as an update', () => {
    const r = classify(
      'ためし総合病院、救急の受け入れ再開へ　ランサムウェア被害',
      'ランサムウェアの攻撃で電子カルテが使えなくなっていたためし総合病院は9日、12日から救急患者の受け入れを再開すると発表した。2日に被害を公表して以降、救急の受け入れを止めていた。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('ransomware');
  });

  it('guard: a first news item on the attack stays an incident', () => {
    const r = classify(
      'ためし総合病院にランサムウェア　救急の受け入れ停止',
      'ためし総合病院は2日、ランサムウェアの攻撃で電子カルテが使えなくなり、救急患者の受け入れを停止したと発表した。',
    );
    expect(r.kind).toBe('incident');
  });
});

describe('a defect and a shortened name in a co-op\u2019s notice', () => {
  const r = classify(
    '重要なお知らせ',
    '組合員の皆様へ\nためし生活協同組合(以下「ためし生協」)の宅配注文サイトにおいて、12月1日に実施したプログラム更新に不具合があり、ログインした組合員様の画面に、別の組合員様のお名前と注文内容が表示される場合がございました。表示された可能性のある組合員様は最大64名です。ご迷惑をおかけし、お詫び申し上げます。',
  );

  it('reads a defect brought in by an update as misconfiguration', () => {
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'misconfiguration',
      severity: 'low',
    });
  });

  it('takes the name the notice shortens on first use', () => {
    expect(r.organization).toBe('ためし生活協同組合');
  });
});

describe('the staff member whose account was hijacked', () => {
  it('does not count the one employee who used the account as people affected', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-960】ためし商工会議所 職員のメールアカウント不正利用について 2026/12/1',
      '当所の職員1人が使うメールアカウントが第三者に悪用され、約700件のメールアドレスに不審なメールが送信されました。アカウントのパスワードは同日中に変更いたしました。',
    );
    expect(r.affected).toBeNull();
    expect(labelsOf(r)).toEqual({
      kind: 'incident',
      cause: 'account_compromise',
      severity: 'low',
    });
  });

  it('guard: still counts staff whose own data leaked', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-961】株式会社ためし物産 不正アクセスによる情報流出について 2026/12/1',
      '当社のサーバが不正アクセスを受け、従業員1,240名の氏名と住所が流出した可能性があります。',
    );
    expect(r.affected).toBe(1240);
  });
});

describe('a finding reached by scrutiny', () => {
  it('reads 「記録を精査した結果、…漏えいはございませんでした」 as a concluded no-leak finding', () => {
    const r = classify(
      '【セキュリティ事件簿#2026-962】ためし商工会 職員のメールアカウント不正利用について 2026/12/1',
      'ためし商工会の職員のメールアカウントが第三者に悪用され、会員3,100名の連絡先が入ったアドレス帳が残るアカウントから不審なメールが送信されました。事業者の記録を精査した結果、アドレス帳が閲覧・ダウンロードされた記録はなく、会員情報の漏えいはございませんでした。',
    );
    expect(r.affected).toBeNull();
    expect(r.severity).toBe('low');
  });
});

describe('a legal name spelt out only in a news lead', () => {
  it('takes the company a court report names in its lead and then calls 同社', () => {
    const r = classify(
      '顧客名簿持ち出しの元社員に有罪判決　旅行会社事件で地裁',
      '勤務先の顧客名簿を不正に持ち出したとして罪に問われた元社員の男に対し、地裁は2日、懲役1年6月、執行猶予3年の判決を言い渡した。判決によると、男は株式会社ためしトラベルを退職する直前、顧客約2,100人分の氏名と電話番号を私物の記憶媒体に複製した。同社は昨年、持ち出しを公表していた。',
    );
    expect(r.organization).toBe('株式会社ためしトラベル');
    expect(r.cause).toBe('insider');
  });

  it('guard: takes no company that the lead names only in passing', () => {
    const r = classify(
      '顧客名簿持ち出しの元社員に有罪判決',
      '顧客名簿を不正に持ち出したとして罪に問われた元社員の男に対し、地裁は2日、有罪判決を言い渡した。弁護人は株式会社ためし法務の顧問を務めている。',
    );
    expect(r.organization).toBeNull();
  });
});

describe('a web form abused to send spam', () => {
  it('reads a contact form abused by a third party as unauthorized_access', () => {
    const r = classify(
      '工務店の問い合わせフォーム悪用　迷惑メールを大量送信',
      'ためし工務店株式会社は4日、同社ウェブサイトの問い合わせフォームが第三者に悪用され、不特定多数のアドレスに迷惑メールが送信されたと発表した。同社はフォームを停止した。',
    );
    expect(r.cause).toBe('unauthorized_access');
    expect(r.severity).toBe('medium');
  });
});
