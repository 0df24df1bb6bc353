/**
 * Links the posts of one poll before they are stored: each one's candidates come from the archive
 * (an indexed query by normalised organisation and window) plus the earlier posts of the same batch,
 * so an incident and its update arriving in one poll link too.
 */
import { organizationKey } from '../text/organizationKey.js';
import type { StoredPost } from '../store/postStore.js';
import type { LinkCandidatesQuery } from '../store/sql/incidentArchive.js';
import { linkIncident, timeOf, withLink, type LinkOptions } from './linkIncident.js';

/** Where candidates come from: the archive (SQL index, or the in-memory archive). */
export interface LinkCandidateSource {
  linkCandidates(query: LinkCandidatesQuery): Promise<StoredPost[]>;
}

/** Enough candidates for any real incident: an organisation rarely posts 50 notices in a window. */
const CANDIDATE_LIMIT = 50;
const DAY_MS = 86_400_000;

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
      // A post of this batch that is already stored (a link pass over stored posts) counts once,
      // as linked here: its stored copy may lack the link that gives it its root.
      const others = stored.filter((p) => !linked.has(p.post.id));
      const link = linkIncident(record, [...batch, ...others], options);
      if (link) result = withLink(record, link);
    }
    batch.push(result);
    linked.set(record.post.id, result);
  }
  return records.map((r) => linked.get(r.post.id) as StoredPost);
}
