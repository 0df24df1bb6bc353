/**
 * Names found missing by the blind set authored-u (its first look is on rules 2026-12-03.16),
 * each tested on a post written for this test about a fictional organisation: a first line that
 * says who reports before what (…より、弊社従業員の…についてご報告いたします), one that only
 * introduces the speaker (…です。), and a legal name that opens the text as its subject
 * (税理士法人…では、). The guard beside them passes on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('names in the first lines of own notices', () => {
  it('takes the company that reports in its first line, whatever comes before ご報告', () => {
    const r = classify(
      '2026年12月1日',
      '株式会社ためし運輸より、弊社従業員のメールアカウントの不正利用についてご報告いたします。\n11月30日、従業員1名のメールアカウントに海外から不正にログインされ、取引先に不審なメールが送信されました。',
    );
    expect(r.organization).toBe('株式会社ためし運輸');
    expect(r.cause).toBe('account_compromise');
  });

  it('takes the company that introduces itself (…です。)', () => {
    const r = classify(
      'お客様情報の流出について',
      '株式会社ためし旅行です。\n当社のお客様の情報とみられるデータが、海外の掲示板サイトに掲載されているとの連絡を受けました。誠に申し訳ございません。',
    );
    expect(r.organization).toBe('株式会社ためし旅行');
  });

  it('takes a legal name that opens the text as its subject (税理士法人…では、)', () => {
    const r = classify(
      'ウイルス感染による不審メール送信についてのお詫び',
      '関係者各位\n税理士法人ためし会計事務所では、12月1日、職員のパソコン1台が情報窃取型のマルウェアに感染し、保存されていたお客様のメールアドレス最大300件が盗まれました。',
    );
    expect(r.organization).toBe('税理士法人ためし会計事務所');
    expect(r.cause).toBe('malware');
  });

  it('guard: takes no company a notice names only as its vendor, mid-sentence', () => {
    const r = classify(
      'サービス停止のお知らせ',
      '当市が利用している予約サービスについて、運営する株式会社ためし予約の障害により、本日午前から利用できない状態です。',
    );
    expect(r.organization).not.toBe('株式会社ためし予約');
  });
});
