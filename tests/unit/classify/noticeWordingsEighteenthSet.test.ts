/**
 * Wordings found missing in session 13 (authored-z's last miss, then the blind sets authored-aa
 * and authored-ab), each tested on a post written for this test about a fictional organisation:
 * a public bureau warning that someone impersonates it, in the words impersonated organisations
 * use (…から SMS で…をお願いすることはございません) under a header naming the bureau (担当課:…市
 * 交通局 …課), while a bank relaying a wave that says no one impersonates it yet, and the police
 * warning that nobody official asks by telephone, stay advisories. The guards pass on the rules
 * before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('organisations warning that they are impersonated, and advisories that only mention it', () => {
  it('reads a bureau warning its readers of messages in its name (…からSMSで…ことはございません) as its own incident, named from its header', () => {
    const r = classify(
      '交通局を装った不審なメールにご注意ください',
      [
        '報道発表資料',
        '発表日:2027年3月2日',
        '担当課:ためし市交通局 営業推進課',
        'ためし市交通局を名乗り「定期券の払い戻し手続きが必要です」と記載したメールが、利用者の方に届いているとの問い合わせが寄せられています。',
        'メールのリンク先は交通局の公式サイトに似せた偽のサイトで、ICカードの番号や暗証番号の入力を求められます。交通局からメールで払い戻しの手続きをお願いすることはございません。',
      ].join('\n'),
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('phishing');
    expect(r.severity).toBe('low');
    expect(r.organization).toBe('ためし市交通局');
  });

  it('guard: reads a bank relaying a wave of phishing, which says no mail in its name is seen yet, as an advisory', () => {
    const r = classify(
      'ネットバンキングを狙うフィッシングにご注意ください',
      [
        '平素よりためし信用金庫をご利用いただき、ありがとうございます。',
        '警察によると、金融機関を装ったメールから偽のログイン画面に誘導し、IDやパスワードを盗み取る手口が全国で相次いでいます。',
        'なお、現時点で当金庫の名称をかたるメールは確認されておりませんが、引き続きご注意ください。',
        'ためし信用金庫',
      ].join('\n'),
    );
    expect(r.kind).toBe('threat_intel');
  });

  it("guard: reads the police's warning that officials never ask by telephone (警察や市役所から…ことはありません) as an advisory", () => {
    const r = classify(
      '還付金詐欺の電話が相次いでいます',
      [
        'ためし県警察本部は、市役所の職員を名乗り「医療費の還付金があります」と話してATMへ誘導する電話が、県内で相次いでいるとして注意を呼びかけています。',
        '警察や市役所から電話でATMの操作をお願いすることは絶対にありません。不審な電話はすぐに切って、最寄りの警察署にご相談ください。',
      ].join('\n'),
    );
    expect(r.kind).toBe('threat_intel');
  });
});
