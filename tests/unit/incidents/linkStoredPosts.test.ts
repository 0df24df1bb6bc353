/**
 * The link pass over stored posts (after a backfill): oldest first whatever order they were stored in,
 * every later post of an incident linked to its first report (through an update in between), and only
 * the records whose link changed written back.
 */
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/classify/classification.js';
import { linkOf } from '../../../src/incidents/linkIncident.js';
import { linkNewPosts } from '../../../src/incidents/linkNewPosts.js';
import { linkableOf, linkStoredPosts } from '../../../src/incidents/linkStoredPosts.js';
import { MemoryPostStore, type StoredPost } from '../../../src/store/postStore.js';
import { MemoryIncidentArchive } from '../../../src/store/sql/memoryIncidentArchive.js';
import { makeClassification, makePost } from '../../helpers/builders.js';

/** A post written for these tests (fictional organisations). */
function post(id: string, day: string, title: string, c: Partial<Classification>): StoredPost {
  return {
    post: makePost(id, { publishedAt: `${day}T09:00:00.000Z`, title, text: `${title}について。` }),
    classification: makeClassification({ disclosedOn: day, reasons: [], ...c }),
    storedAt: `${day}T10:00:00.000Z`,
  };
}

const ORG = '株式会社あさぎ精工';
const first = post('a1', '2025-01-10', 'ランサムウェア被害に関するお知らせ', {
  kind: 'incident',
  organization: ORG,
});
const second = post('a2', '2025-01-24', 'ランサムウェア被害に関するお知らせ（第2報）', {
  kind: 'incident_update',
  organization: `${ORG}`,
});
const third = post('a3', '2025-02-14', '調査結果のご報告（第3報）', {
  kind: 'incident_update',
  organization: 'あさぎ精工株式会社',
});
const elsewhere = post('b1', '2025-01-20', '不正アクセスのお知らせ', {
  kind: 'incident',
  organization: 'こもれび商会',
});
const essay = post('c1', '2025-01-22', '読書メモ', { kind: 'off_topic', organization: null });

describe('linkStoredPosts', () => {
  it('links every later post to the first report, reading them oldest first, slices of two', async () => {
    const posts = new MemoryPostStore();
    // Stored newest first, unlinked: as a backfill reads a feed.
    const stored = [third, second, essay, elsewhere, first];
    await posts.put(stored);
    const archive = new MemoryIncidentArchive(posts);
    const linkable = stored.map(linkableOf).filter((p) => p !== null);
    expect(linkable.map((p) => p.id)).toEqual(['a3', 'a2', 'b1', 'a1']);
    const linked = await linkStoredPosts(
      linkable,
      { posts, linkPosts: (records) => linkNewPosts(records, archive, { windowDays: 400 }) },
      2,
    );
    expect(linked).toBe(2);
    expect(linkOf((await posts.get('a2'))!)?.rootId).toBe('a1');
    expect(linkOf((await posts.get('a3'))!)?.rootId).toBe('a1');
    expect(linkOf((await posts.get('a1'))!)).toBeNull();
    expect(linkOf((await posts.get('b1'))!)).toBeNull();
  });

  it('writes nothing when every link is already stored', async () => {
    const posts = new MemoryPostStore();
    await posts.put([first, second]);
    const archive = new MemoryIncidentArchive(posts);
    const deps = {
      posts,
      linkPosts: (r: StoredPost[]) => linkNewPosts(r, archive, { windowDays: 400 }),
    };
    const both = [first, second].map(linkableOf).filter((p) => p !== null);
    expect(await linkStoredPosts(both, deps)).toBe(1);
    let writes = 0;
    const counting = {
      ...deps,
      posts: {
        get: (id: string) => posts.get(id),
        all: () => posts.all(),
        count: () => posts.count(),
        put: async () => void writes++,
      },
    };
    expect(await linkStoredPosts(both, counting)).toBe(0);
    expect(writes).toBe(0);
  });
});
