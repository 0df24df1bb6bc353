/** IncidentArchive over any PostStore, in memory: for `memory://` and tests. Same answers as SQL. */
import type { PostStore, StoredPost } from '../postStore.js';
import {
  isListed,
  incidentDayOf,
  incidentIdPrefix,
  newestFirstBinary,
  matchesQuery,
  normalizeForSearch,
  parseIncidentId,
  rankOf,
  sortTimeOf,
} from './archiveRecord.js';
import { continuesOf, organizationKeyOf } from './linkColumns.js';
import { bucketStart, foldStats } from './archiveStats.js';
import {
  SUGGEST_LIMIT,
  type ArchiveStats,
  type IncidentSuggestion,
  type IncidentArchive,
  type IncidentRange,
  type LatestQuery,
  type LinkCandidatesQuery,
  type SearchQuery,
  type SearchResult,
  type StatsQuery,
} from './incidentArchive.js';

const isIncident = isListed;

export class MemoryIncidentArchive implements IncidentArchive {
  /** `posts` hands out frozen records (MemoryPostStore) or copies, so nothing here is shared mutably. */
  constructor(private readonly posts: PostStore) {}

  private async newest(): Promise<StoredPost[]> {
    return (await this.posts.all()).sort(newestFirstBinary);
  }

  async latest(q: LatestQuery): Promise<StoredPost[]> {
    const min = q.minSeverity ? rankOf(q.minSeverity) : null;
    return (await this.newest())
      .filter(isIncident)
      .filter((r) => min === null || rankOf(r.classification.severity) >= min)
      .filter((r) => !q.cause || r.classification.cause === q.cause)
      .slice(0, q.count);
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    const text = normalizeForSearch(q.query);
    const matches = (await this.newest()).filter((r) => {
      const c = r.classification;
      if (!isIncident(r)) return false;
      if (!matchesQuery(r, text)) return false;
      if (q.cause && c.cause !== q.cause) return false;
      if (q.severity && c.severity !== q.severity) return false;
      const day = incidentDayOf(r);
      if (q.since && day < q.since) return false;
      return !(q.until && day > q.until);
    });
    return { total: matches.length, items: matches.slice(0, q.limit) };
  }

  async *streamIncidents(range: IncidentRange): AsyncGenerator<StoredPost> {
    for (const r of await this.newest()) {
      if (!isIncident(r)) continue;
      const day = incidentDayOf(r);
      if (range.since && day < range.since) continue;
      if (range.until && day > range.until) continue;
      yield r;
    }
  }

  async show(idOrLink: string): Promise<StoredPost[]> {
    const value = idOrLink.normalize('NFKC').trim();
    const all = await this.newest();
    if (/^https?:\/\//.test(value)) return all.filter((r) => r.post.link === value).slice(0, 100);
    const byPostId = all.filter((r) => r.post.id === value);
    if (byPostId.length > 0) return byPostId;
    const incidentId = parseIncidentId(value);
    return incidentId
      ? all.filter((r) => r.classification.incidentId === incidentId).slice(0, 100)
      : [];
  }

  async stats(q: StatsQuery): Promise<ArchiveStats> {
    const rows = (await this.posts.all())
      .filter(isIncident)
      .map((r) => ({ r, day: incidentDayOf(r) }))
      .filter(({ day }) => day >= q.from && (!q.until || day <= q.until))
      .map(({ r, day }) => ({
        bucket: q.bucket ? bucketStart(day, q.bucket) : null,
        kind: r.classification.kind,
        cause: r.classification.cause,
        severity: r.classification.severity,
        count: 1,
      }));
    return foldStats(rows, q);
  }

  async suggestIncidentIds(prefix: string, limit = SUGGEST_LIMIT): Promise<string[]> {
    const start = incidentIdPrefix(prefix);
    const ids = new Set<string>();
    for (const r of await this.posts.all()) {
      const id = r.classification.incidentId;
      if (id !== null && id.startsWith(start)) ids.add(id);
    }
    return [...ids].sort((a, b) => (a < b ? 1 : -1)).slice(0, Math.min(limit, SUGGEST_LIMIT));
  }

  async suggestIncidents(prefix: string, limit = SUGGEST_LIMIT): Promise<IncidentSuggestion[]> {
    const ids = await this.suggestIncidentIds(prefix, limit);
    const newest = await this.newest();
    return ids.map((incidentId) => {
      const r = newest.find((p) => p.classification.incidentId === incidentId) as StoredPost;
      return { incidentId, label: r.classification.organization ?? r.post.title };
    });
  }

  async recent(limit: number): Promise<StoredPost[]> {
    return (await this.newest()).slice(0, limit);
  }

  /** Incidents by organisation key, newest first; regrouped when the number of posts changes. */
  private byKey: { size: number; groups: Map<string, StoredPost[]> } | null = null;

  /**
   * From the grouping, not a scan: sorting and normalising 50,000 posts per new post took 80 ms. A post stored
   * again under the same id with another organisation is regrouped only when the count next changes.
   */
  async linkCandidates(q: LinkCandidatesQuery): Promise<StoredPost[]> {
    const size = await this.posts.count();
    if (this.byKey?.size !== size) {
      const groups = new Map<string, StoredPost[]>();
      for (const r of (await this.newest()).filter(isIncident)) {
        const key = organizationKeyOf(r);
        if (key === null) continue;
        const group = groups.get(key);
        if (group) group.push(r);
        else groups.set(key, [r]);
      }
      this.byKey = { size, groups };
    }
    return (this.byKey.groups.get(q.organizationKey) ?? [])
      .filter((r) => sortTimeOf(r) >= q.since && sortTimeOf(r) <= q.until)
      .slice(0, q.limit);
  }

  async incidentPosts(rootId: string): Promise<StoredPost[]> {
    return (await this.newest())
      .filter((r) => r.post.id === rootId || continuesOf(r) === rootId)
      .slice(0, 100)
      .reverse();
  }

  async postsPerFeed(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const r of await this.posts.all())
      counts.set(r.post.feedUrl, (counts.get(r.post.feedUrl) ?? 0) + 1);
    return counts;
  }
}
