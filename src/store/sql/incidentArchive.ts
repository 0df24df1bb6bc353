/** The queries users run over the stored archive, as a port: SQL on disk, or memory for tests. */
import type { Cause, Kind, Severity } from '../../classify/vocabulary.js';
import type { StoredPost } from '../postStore.js';

export interface LatestQuery {
  count: number;
  /** Only incidents at least this severe. */
  minSeverity?: Severity | null;
  cause?: Cause | null;
}

export interface SearchQuery {
  /** Matched (width-, case- and space-insensitively) in the title, organisation or body; '' matches all. */
  query: string;
  cause?: Cause | null;
  severity?: Severity | null;
  /** YYYY-MM-DD bounds on the incident's day (disclosed, else published), both inclusive. */
  since?: string | null;
  until?: string | null;
  limit: number;
}

export interface SearchResult {
  /** Every match, not only those returned. */
  total: number;
  items: StoredPost[];
}

export interface StatsQuery {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive; open-ended when absent. */
  until?: string | null;
  /** Also count per ISO week (starting Monday) or per calendar month. */
  bucket?: 'week' | 'month' | null;
}

export interface ArchiveStats {
  total: number;
  /** Most frequent first; causes with no incident left out; ties in vocabulary order. */
  byCause: Array<[Cause, number]>;
  /** In vocabulary order (critical first); zero counts left out. */
  bySeverity: Array<[Severity, number]>;
  byKind: Array<[Kind, number]>;
  /** `start` is the bucket's first day (YYYY-MM-DD), oldest first; empty buckets left out. */
  buckets: Array<{ start: string; count: number }>;
}

/** A range of incident days for a stream; both bounds inclusive, a missing bound open. */
export interface IncidentRange {
  /** YYYY-MM-DD bounds on the incident's day (disclosed, else published). */
  since?: string | null;
  until?: string | null;
  /** Records read per query (default 500): what the stream holds in memory at most. */
  pageSize?: number;
}

export const STREAM_PAGE_SIZE = 500;

export interface LinkCandidatesQuery {
  /** The normalised organisation (organizationKey). */
  organizationKey: string;
  /** ISO times, both inclusive, on the sort time (published, else stored). */
  since: string;
  until: string;
  limit: number;
}

/**
 * Incident lookups. Only incidents and incident updates are listed, searched and counted
 * (`recent` and `show` return any kind). Records are fresh copies or frozen: never shared mutable state.
 */
export interface IncidentArchive {
  /** Newest first. */
  latest(query: LatestQuery): Promise<StoredPost[]>;
  /** Newest first. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Posts of an incident id (`2024-153`, `#2024-153`), or the post with this link or post id; newest first. */
  show(idOrLink: string): Promise<StoredPost[]>;
  /**
   * Every incident and update in the day range, newest first (the order of `search`), read page by
   * page from a keyset cursor: an export of any size holds one page in memory, and a consumer that
   * stops early (an attachment past the upload limit) stops the reading too.
   */
  streamIncidents(range: IncidentRange): AsyncIterable<StoredPost>;
  stats(query: StatsQuery): Promise<ArchiveStats>;
  /** Incident ids starting with `prefix` (as typed, `#` allowed), newest id first, at most `limit` (25). */
  suggestIncidentIds(prefix: string, limit?: number): Promise<string[]>;
  /**
   * `suggestIncidentIds` with a label for each: the newest post's organisation, else its title.
   * One query, for autocomplete (no record is parsed whole).
   */
  suggestIncidents(prefix: string, limit?: number): Promise<IncidentSuggestion[]>;
  /** The newest `limit` posts of any kind (filter previews). */
  recent(limit: number): Promise<StoredPost[]>;
  /** Incidents and updates of one normalised organisation within a time range, newest first. */
  linkCandidates(query: LinkCandidatesQuery): Promise<StoredPost[]>;
  /** The first report `rootId` and every post that continues it, oldest first (at most 100). */
  incidentPosts(rootId: string): Promise<StoredPost[]>;
  /** How many posts of each feed are stored, by feed URL (`/feed status`). */
  postsPerFeed(): Promise<Map<string, number>>;
}

export const SUGGEST_LIMIT = 25;

export interface IncidentSuggestion {
  incidentId: string;
  /** The organisation of the incident's newest post, else that post's title. */
  label: string;
}
