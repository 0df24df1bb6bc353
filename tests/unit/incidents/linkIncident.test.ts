import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/classify/classification.js';
import { linkIncident, linkOf, rootIdOf, withLink } from '../../../src/incidents/linkIncident.js';
import { organizationKey } from '../../../src/text/organizationKey.js';
import type { StoredPost } from '../../../src/store/postStore.js';
import { makeClassification, makePost } from '../../helpers/builders.js';

const WINDOW = { windowDays: 400 };

/** A post written for these tests (fictional organisations). */
function post(
  id: string,
  day: string,
  title: string,
  text: string,
  c: Partial<Classification>,
): StoredPost {
  return {
    post: makePost(id, { publishedAt: `${day}T09:00:00.000Z`, title, text }),
    classification: makeClassification({ disclosedOn: day, reasons: [], ...c }),
    storedAt: `${day}T10:00:00.000Z`,
  };
}

const first = post(
  'p1',
  '2025-03-04',
  '【重要】不正アクセスによる個人情報漏えいのお知らせ',
  '当社サーバーへの不正アクセスにより、お客様情報2,850件が流出した可能性があります。',
  { kind: 'incident', organization: '株式会社ミナトテック', affected: 2850 },
);

describe('organizationKey', () => {
  it('folds legal forms, widths and spaces so one organisation has one key', () => {
    const key = organizationKey('株式会社ミナトテック');
    expect(key).toBe('ミナトテック');
    for (const name of [
      'ミナトテック株式会社',
      '（株）ミナトテック',
      '㈱ミナトテック',
      'ﾐﾅﾄﾃｯｸ 株式会社',
    ])
      expect(organizationKey(name)).toBe(key);
    expect(organizationKey('Minato Tech Co., Ltd.')).toBe(organizationKey('MINATO TECH Inc.'));
    expect(organizationKey('有限会社ミナト')).not.toBe(key);
  });

  it('gives no key to a name that is only a legal form', () => {
    expect(organizationKey('株式会社')).toBeNull();
    expect(organizationKey(null)).toBeNull();
  });
});

describe('linkIncident', () => {
  it('links an update of the same organisation written with another legal form', () => {
    const update = post(
      'p2',
      '2025-04-20',
      '不正アクセスに関する調査結果について',
      '調査の結果、影響を受けたお客様は35,650名であることが判明しました。',
      { kind: 'incident_update', organization: 'ミナトテック（株）', affected: 35650 },
    );
    const link = linkIncident(update, [first], WINDOW);
    expect(link).toMatchObject({ rootId: 'p1', citedId: 'p1', rule: 'link.same-organization' });
    expect(link?.evidence).toEqual(['ミナトテック（株）']);
  });

  it('does not link another organisation, nor a later post that is not an update', () => {
    const other = post('p3', '2025-04-20', '調査結果', '調査結果をお知らせします。', {
      kind: 'incident_update',
      organization: '株式会社ミナトフーズ',
    });
    expect(linkIncident(other, [first], WINDOW)).toBeNull();
    const offTopic = post('p4', '2025-04-20', '新製品', '新製品を発表しました。', {
      kind: 'off_topic',
      organization: '株式会社ミナトテック',
    });
    expect(linkIncident(offTopic, [first], WINDOW)).toBeNull();
  });

  it('keeps two incidents of one organisation a year apart separate', () => {
    const nextYear = post(
      'p5',
      '2026-03-20',
      'ランサムウェア被害の発生について',
      '当社の一部サーバーがランサムウェアに感染しました。',
      { kind: 'incident', organization: 'ミナトテック株式会社', cause: 'ransomware' },
    );
    expect(linkIncident(nextYear, [first], WINDOW)).toBeNull();
    // An update that comes after the window has closed starts no link either.
    const lateUpdate = post('p6', '2026-05-01', '調査結果', '調査が完了しました。', {
      kind: 'incident_update',
      organization: 'ミナトテック株式会社',
    });
    expect(linkIncident(lateUpdate, [first], WINDOW)).toBeNull();
    expect(linkIncident(lateUpdate, [first], { windowDays: 500 })?.rootId).toBe('p1');
  });

  it('prefers the notice the text cites by title over the newest post of the organisation', () => {
    const unrelated = post(
      'p7',
      '2025-06-01',
      'メール誤送信に関するお詫び',
      'メールの誤送信がありました。',
      { kind: 'incident', organization: '株式会社ミナトテック', cause: 'misdelivery' },
    );
    const final = post(
      'p8',
      '2025-07-10',
      '最終報告',
      '2025年3月4日付「不正アクセスによる個人情報漏えいのお知らせ」の件につき、最終報告をいたします。',
      { kind: 'incident_update', organization: '株式会社ミナトテック' },
    );
    const link = linkIncident(final, [unrelated, first], WINDOW);
    expect(link).toMatchObject({ rootId: 'p1', rule: 'link.cited-title' });
    expect(link?.evidence).toEqual([first.post.title]);
  });

  it('links by the cited date of the first report (第1報) when the title is not quoted', () => {
    const unrelated = post('p9', '2025-05-15', 'メール誤送信', '誤送信がありました。', {
      kind: 'incident',
      organization: '株式会社ミナトテック',
    });
    const second = post(
      'p10',
      '2025-06-20',
      '第2報',
      '3月4日に公表した第1報に続き、調査の進捗をご報告します。',
      { kind: 'incident', organization: '株式会社ミナトテック' },
    );
    const link = linkIncident(second, [unrelated, first], WINDOW);
    expect(link).toMatchObject({ rootId: 'p1', citedId: 'p1', rule: 'link.cited-date' });
    expect(link?.evidence[0]).toContain('3月4日に公表');
  });

  it('links a later update to the first report, through the update in between', () => {
    const update = withLink(
      post('p2', '2025-04-20', '調査結果', '既報の件', {
        kind: 'incident_update',
        organization: 'ミナトテック',
      }),
      { rootId: 'p1', citedId: 'p1', rule: 'link.cited-notice', evidence: ['既報'] },
    );
    const third = post(
      'p11',
      '2025-05-20',
      '再発防止策',
      '既報の件について再発防止策をお知らせします。',
      {
        kind: 'incident_update',
        organization: '株式会社ミナトテック',
      },
    );
    const link = linkIncident(third, [first, update], WINDOW);
    expect(link).toMatchObject({ rootId: 'p1', citedId: 'p2', rule: 'link.cited-notice' });
  });

  it('keeps the link in the reasons, where every store keeps it', () => {
    const update = post('p2', '2025-04-20', '調査結果', '調査結果', {
      kind: 'incident_update',
      organization: 'ミナトテック',
    });
    const linked = withLink(update, linkIncident(update, [first], WINDOW)!);
    expect(linkOf(linked)).toMatchObject({ rootId: 'p1', rule: 'link.same-organization' });
    expect(rootIdOf(linked)).toBe('p1');
    expect(rootIdOf(first)).toBe('p1');
    expect(linked.classification.reasons.filter((r) => r.label === 'continues')).toHaveLength(1);
  });
});
