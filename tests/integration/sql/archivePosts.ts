/** A small varied archive (fictional organisations) that both archive implementations must agree on. */
import { CAUSES, KINDS, SEVERITIES } from '../../../src/classify/vocabulary.js';
import type { StoredPost } from '../../../src/store/postStore.js';
import { makeClassification, makePost } from '../../helpers/builders.js';

const ORGS = [
  '株式会社みなと製作所',
  'さくら信用金庫',
  '北浜市役所',
  'Ｔｅｓｔ Ｌａｂ株式会社',
  null,
];
const WORDS = ['不正アクセス', 'ランサムウェア', 'メール誤送信', '個人情報', 'フィッシング'];

/** Post i of the archive: kinds, causes, severities, days and organisations cycle at different rates. */
export function archivePost(i: number): StoredPost {
  const day = `2024-${String((i % 6) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  const org = ORGS[i % ORGS.length] ?? null;
  const word = WORDS[i % WORDS.length] as string;
  return {
    post: makePost(`post-${String(i).padStart(3, '0')}`, {
      title: `${org ?? '匿名の組織'}で${word}、第${i}報`,
      text: `${word}について${i % 2 === 0 ? '調査中です' : '再発防止策を公表しました'}。`,
      publishedAt: i % 17 === 0 ? null : `${day}T0${i % 10}:00:00.000Z`,
      link: `https://example.test/${i}`,
    }),
    classification: makeClassification({
      kind: KINDS[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : i % 11 === 0 ? 4 : 0],
      cause: CAUSES[i % CAUSES.length],
      severity: SEVERITIES[i % SEVERITIES.length],
      incidentId: i % 9 === 0 ? null : `2024-${String(Math.floor(i / 2) + 1).padStart(3, '0')}`,
      organization: org,
      disclosedOn: i % 4 === 0 ? null : day,
    }),
    storedAt: `2024-07-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  };
}

export const ARCHIVE: StoredPost[] = Array.from({ length: 90 }, (_, i) => archivePost(i));
