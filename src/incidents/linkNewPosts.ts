/**
 * Links the posts of one poll before they are stored: each one's candidates come from the archive
 * (an indexed query by normalised organisation and window) plus the earlier posts of the same batch,
 * so an incident and its update arriving in one poll link too.
 */
import { organizationKey } from '../text/organizationKey.js';
import type { PostStore, StoredPost } from '../store/postStore.js';
import type { LinkCandidatesQuery } from '../store/sql/incidentArchive.js';
import { linkIncident, timeOf, withLink, type LinkOptions } from './linkIncident.js';

/** Where candidates come from: the SQL archive, or any PostStore (filtered in memory). */
export interface LinkCandidateSource {
  linkCandidates(query: LinkCandidatesQuery): Promise<StoredPost[]>;
}

/** Enough candidates for any real incident: an organisation rarely posts 50 notices in a window. */
const CANDIDATE_LIMIT = 50;
const DAY_MS = 86_400_000;

/**
 * Candidates over a PostStore without an index (keyv and memory stores hold every post in memory):
 * the posts grouped by organisation key, regrouped when the store's size changes (once per poll
 * that stored posts, not once per new post). Records are frozen and shared, so a key is computed
 * once per record.
 */
export function postStoreCandidates(posts: Pick<PostStore, 'all'>): LinkCandidateSource {
  const keys = new WeakMap<StoredPost, string | null>();
  const keyOf = (r: StoredPost) => {
    let key = keys.get(r);
    if (key === undefined) {
      key = organizationKey(r.classification.organization);
      keys.set(r, key);
    }
    return key;
  };
  let grouped: { size: number; byKey: Map<string, StoredPost[]> } | null = null;
  return {
    async linkCandidates(q) {
      const all = await posts.all();
      if (grouped?.size !== all.length) {
        const byKey = new Map<string, StoredPost[]>();
        for (const r of all) {
          if (!LISTED.has(r.classification.kind)) continue;
          const key = keyOf(r);
          if (key === null) continue;
          const group = byKey.get(key);
          if (group) group.push(r);
          else byKey.set(key, [r]);
        }
        grouped = { size: all.length, byKey };
      }
      // all() is newest first, so each group is too.
      return (grouped.byKey.get(q.organizationKey) ?? [])
        .filter((r) => timeOf(r) >= q.since && timeOf(r) <= q.until)
        .slice(0, q.limit);
    },
  };
}

const LISTED = new Set(['incident', 'incident_update']);

/** The records with a `continues` reason where they continue an earlier incident; order kept. */
export async function linkNewPosts(
  records: readonly StoredPost[],
  source: LinkCandidateSource,
  options: LinkOptions,
): Promise<StoredPost[]> {
  const oldestFirst = [...records].sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : 1));
  const linked = new Map<string, StoredPost>();
  const batch: StoredPost[] = [];
  for (const record of oldestFirst) {
    const key = organizationKey(record.classification.organization);
    let result = record;
    if (key && !Number.isNaN(Date.parse(timeOf(record)))) {
      const until = timeOf(record);
      const since = new Date(Date.parse(until) - options.windowDays * DAY_MS).toISOString();
      const stored = await source.linkCandidates({
        organizationKey: key,
        since,
        until,
        limit: CANDIDATE_LIMIT,
      });
      const link = linkIncident(record, [...batch, ...stored], options);
      if (link) result = withLink(record, link);
    }
    batch.push(result);
    linked.set(record.post.id, result);
  }
  return records.map((r) => linked.get(r.post.id) as StoredPost);
}
