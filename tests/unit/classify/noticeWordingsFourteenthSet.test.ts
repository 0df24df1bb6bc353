/**
 * Wordings found missing by the blind set authored-w (its first look is on rules 2026-12-03.24:
 * other sites' short news items and advisories), each tested on a post written for this test about
 * a fictional organisation: an untitled notice opening お客様各位; a vendor's statistics of a
 * quarter and a campaign it confirmed; a rise in attacks on a kind of service and a ministry's
 * request to prepare, told by no victim; a short follow-up citing the month of the first report
 * or revising a count (当初の…から…に); customer data sold on a dark-web site; a security firm's
 * results, whose products name attacks (ランサムウェア対策); a subsidiary named by its parent
 * (…の米子会社); a regulator acting on a legal name its lead gives, a prefecture as the regulator
 * (…の指定管理者である○○に対し, …を運営する社会福祉法人○○(所在地)に対し); a notice that names itself and
 * then speaks as 当社; a disciplinary action (懲戒) that is no evidence of misuse; and two insider
 * wordings (私用のアドレスへ転送, 業務上の必要がないにもかかわらず). The guards pass on the rules
 * before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('short news items, advisories and notices without a title', () => {
  it('reads an untitled notice to お客様各位 about a hijacked mailbox as an incident', () => {
    const r = classify(
      '',
      'お客様各位\n5月2日、当社経理担当者のメールアカウントに第三者が不正にログインし、取引先の皆様へ約400件の不審なメールが送られたことが判明いたしました。\n2027年5月6日\nためし精機株式会社 管理部',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('account_compromise');
    expect(r.organization).toBe('ためし精機株式会社');
  });

  it('reads a vendor’s figures for a quarter as a write-up, not an incident with 64 victims', () => {
    const r = classify(
      'サポート詐欺の相談、上半期に64件',
      '調査会社のためしリサーチは9日、今年上半期に寄せられたサポート詐欺の相談が64件だったとする集計を公表した。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.affected).toBeNull();
    expect(r.organization).toBeNull();
  });

  it('reads a campaign a vendor confirmed (キャンペーンを確認) as a write-up', () => {
    const r = classify(
      'ためしラボ、請求書を装うランサムウェアの配布キャンペーンを確認',
      'ためしラボは12日、請求書を装ったメールでランサムウェアを送りつける攻撃を国内の約300社で確認したと発表した。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.severity).toBe('info');
  });

  it('reads a rise of takeovers at a kind of service (…被害、…で増加) as an advisory', () => {
    const r = classify(
      'アカウント乗っ取り被害、フリマアプリで増加',
      '業界団体は15日、使い回されたパスワードを狙うリスト型攻撃でフリマアプリの利用者のアカウントが乗っ取られる例が増えているとして、パスワードの変更を勧めた。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('account_compromise');
  });

  it('reads a ministry’s request to prepare for DDoS as an advisory on ddos, not off-topic', () => {
    const r = classify(
      '経済産業省、DDoS攻撃への警戒の強化を要請',
      '経済産業省は20日、大型連休を前に、重要インフラ事業者に対しDDoS攻撃への監視を強めるよう求めた。',
    );
    expect(r.kind).toBe('threat_intel');
    expect(r.cause).toBe('ddos');
  });

  it('reads a short item citing the month of the first report as an update', () => {
    const r = classify(
      'ためし村、誤送付の再発防止策をまとめる',
      'ためし村は8日、2月に公表した保険料通知の誤送付について、封入作業を二人で確認する手順に改めると発表した。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('misdelivery');
  });

  it('reads a revised count (当初の…から…に増えた) as an update', () => {
    const r = classify(
      'ためし交通の不正アクセス、流出の恐れは4,100人に',
      'ためし交通は14日、予約システムへの不正アクセスで情報が流出した恐れのある利用者が、当初の2,600人から4,100人に増えたと明らかにした。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.affected).toBe(4100);
  });

  it('reads customer data sold on a dark-web site as an incident, not off-topic', () => {
    const r = classify(
      'ためし書房の会員情報、闇サイトに',
      'ためし書房は3日、会員約700人分のメールアドレスが闇サイトで売買されていると発表した。経路は調べている。',
    );
    expect(r.kind).toBe('incident');
    expect(r.severity).not.toBe('info');
  });

  it('reads a security firm’s results as off-topic, whatever attacks its products stop', () => {
    const r = classify(
      'ためしネットセキュリティ株式会社 2027年12月期決算のお知らせ',
      '当社の不正アクセス対策サービスとランサムウェア対策製品の受注が伸び、売上高は前期比12%増となりました。',
    );
    expect(r.kind).toBe('off_topic');
  });

  it('takes the parent for a subsidiary the headline names by it (…の米子会社)', () => {
    const r = classify(
      'ためし化成の米子会社、ランサムウェア被害',
      'ためし化成は6日、米国の子会社のサーバがランサムウェアに感染したと発表した。',
    );
    expect(r.organization).toBe('ためし化成');
  });

  it('takes the legal name a regulator acts on in its lead when the headline gives a kind of business', () => {
    const r = classify(
      '県、介護事業者に行政指導 利用者名簿を誤掲載',
      'みほん県は9日、デイサービスの利用者約60人の名簿をホームページに誤って掲載した株式会社ためしケアに行政指導を行った。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('株式会社ためしケア');
  });

  it('takes the legal name of a notice that names itself and then speaks as 当社', () => {
    const r = classify(
      'ウイルス感染に関するお詫び',
      '株式会社ためし測量の業務用パソコン1台がマルウェアに感染し、メールの情報が盗まれた可能性がございます。当社の名をかたる不審なメールにご注意ください。',
    );
    expect(r.organization).toBe('株式会社ためし測量');
  });

  it('reads a disciplinary action for lost papers as loss, not insider misuse', () => {
    const r = classify(
      '市職員を懲戒処分 申請書の紛失で',
      'みほん市は5日、昨年12月に公表した市民約40人分の申請書の紛失について、担当の職員を減給の懲戒処分とした。',
    );
    expect(r.kind).toBe('incident_update');
    expect(r.cause).toBe('loss_theft');
  });

  it('reads forwarding customer lists to a private address as insider misuse', () => {
    const r = classify(
      'ためし不動産の社員、顧客名簿を私用のアドレスへ転送',
      'ためし不動産は2日、社員が顧客約500人分の名簿を私用のメールアドレスへ転送していたと発表した。',
    );
    expect(r.cause).toBe('insider');
  });

  it('reads viewing records with no business need as insider misuse', () => {
    const r = classify(
      '職員による個人情報の閲覧について',
      '当法人の職員1名が、業務上の必要がないにもかかわらず、知人12名の診療記録を閲覧していたことが判明しました。',
    );
    expect(r.cause).toBe('insider');
  });

  it('guard: still reads a ransomware attack as an incident where the notice also names its 対策', () => {
    const r = classify(
      'ランサムウェア被害に関するお詫び',
      '当社のファイルサーバがランサムウェアに感染し、受注業務が停止いたしました。今後はランサムウェア対策を強化してまいります。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('ransomware');
  });

  it('guard: still reads a former employee who took customer data and was disciplined as insider', () => {
    const r = classify(
      '元社員による顧客情報の持ち出しについて',
      '当社の元社員が在職中に顧客約200名の情報を不正に持ち出していたことが判明しました。当該社員は懲戒解雇としております。',
    );
    expect(r.cause).toBe('insider');
  });
});

describe('a prefecture acting on a business its lead names', () => {
  it('takes the designated manager the lead names (…の指定管理者である○○に対し…勧告)', () => {
    const r = classify(
      'みほん県、指定管理者に改善勧告　県民プールの利用者名簿を紛失',
      'みほん県は3日、県民プールの指定管理者であるためしアクアサービスに対し、名簿の管理を改めるよう勧告した。',
    );
    expect(r.kind).toBe('regulatory');
    expect(r.organization).toBe('ためしアクアサービス');
  });

  it('takes the legal name after what it runs, without its seat in brackets', () => {
    const r = classify(
      'みほん県、保育所の運営法人に改善勧告　園児名簿を誤送付',
      'みほん県は8日、認可保育所を運営する社会福祉法人ためし福祉会(みほん市)に対し、児童福祉法に基づき、個人情報の管理体制を見直すよう勧告したと発表した。',
    );
    expect(r.organization).toBe('社会福祉法人ためし福祉会');
  });

  it('takes the legal name after where it is based (県内に本社を置く株式会社…)', () => {
    const r = classify(
      'みほん県、県内の旅行会社に業務改善命令　参加者名簿を誤送信',
      'みほん県は2日、県内に本社を置く株式会社ためしトラベルに対し、旅行業法に基づく業務改善命令を出した。',
    );
    expect(r.organization).toBe('株式会社ためしトラベル');
  });
});
