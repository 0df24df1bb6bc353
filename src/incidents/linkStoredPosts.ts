/**
 * Links posts that were stored without their links: a backfill reads a feed newest page first, so an
 * update is stored before the first report it continues. Once everything is stored, this pass walks
 * the stored posts oldest first, a slice at a time, and writes back those that gain (or change) a link.
 */
import { isIncidentKind } from '../classify/vocabulary.js';
import type { PostStore, StoredPost } from '../store/postStore.js';
import { linkOf, timeOf } from './linkIncident.js';

/** What the pass needs to know of a stored post to order it; records are read again a slice at a time. */
export interface LinkablePost {
  id: string;
  time: string;
}

/** Only incidents and updates with an organisation can continue anything. */
export function linkableOf(record: StoredPost): LinkablePost | null {
  const c = record.classification;
  if (!isIncidentKind(c.kind) || !c.organization) return null;
  return { id: record.post.id, time: timeOf(record) };
}

const sameLink = (a: StoredPost, b: StoredPost) =>
  JSON.stringify(linkOf(a)) === JSON.stringify(linkOf(b));

/**
 * Links `posts` (already stored) oldest first, `sliceSize` at a time, with `linkPosts` (the poll's
 * linking: archive candidates plus the slice's earlier posts); stores the records whose link changed.
 * Resolves how many were linked anew or relinked.
 */
export async function linkStoredPosts(
  posts: readonly LinkablePost[],
  deps: { posts: PostStore; linkPosts: (records: StoredPost[]) => Promise<StoredPost[]> },
  sliceSize = 100,
): Promise<number> {
  const oldestFirst = [...posts].sort((a, b) =>
    a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  let changed = 0;
  for (let i = 0; i < oldestFirst.length; i += sliceSize) {
    const records: StoredPost[] = [];
    for (const { id } of oldestFirst.slice(i, i + sliceSize)) {
      const record = await deps.posts.get(id);
      if (record) records.push(record);
    }
    const linked = await deps.linkPosts(records);
    const updated = linked.filter((r, k) => !sameLink(r, records[k] as StoredPost));
    if (updated.length > 0) await deps.posts.put(updated);
    changed += updated.length;
  }
  return changed;
}
