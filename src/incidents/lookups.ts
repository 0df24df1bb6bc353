/** Incident lookups over stored posts: latest, search, show, stats. Pure functions. */
import {
  CAUSES,
  SEVERITIES,
  severityRank,
  type Cause,
  type Severity,
} from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import type { LatestQuery, SearchQuery } from '../store/sql/incidentArchive.js';

const ALERTABLE = new Set(['incident', 'incident_update']);

export function isIncident(record: StoredPost): boolean {
  return ALERTABLE.has(record.classification.kind);
}

export function latestIncidents(
  records: readonly StoredPost[],
  options: LatestQuery,
): StoredPost[] {
  return records
    .filter(isIncident)
    .filter(
      (r) =>
        !options.minSeverity ||
        severityRank(r.classification.severity) >= severityRank(options.minSeverity),
    )
    .filter((r) => !options.cause || r.classification.cause === options.cause)
    .slice(0, options.count);
}

/** The same query the SQL archive answers, so both lookups take one shape. */
export type SearchOptions = SearchQuery;

/** The day an incident counts for: its disclosure date, else the post's publication day. */
const dayOf = (r: StoredPost): string =>
  r.classification.disclosedOn ?? r.post.publishedAt?.slice(0, 10) ?? '';

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Incidents whose title or organisation contains the query (width-, case- and space-insensitive). */
export function searchIncidents(
  records: readonly StoredPost[],
  o: SearchOptions,
): { total: number; items: StoredPost[] } {
  const q = norm(o.query);
  const matches = records.filter(isIncident).filter((r) => {
    const c = r.classification;
    if (q && !norm(r.post.title).includes(q) && !norm(c.organization ?? '').includes(q))
      return false;
    if (o.cause && c.cause !== o.cause) return false;
    if (o.severity && c.severity !== o.severity) return false;
    const day = dayOf(r);
    if (o.since && day < o.since) return false;
    if (o.until && day > o.until) return false;
    return true;
  });
  return { total: matches.length, items: matches.slice(0, o.limit) };
}

/** Posts for an incident id (`2024-153`, also `#2024-153`) or a post link. */
export function findIncident(records: readonly StoredPost[], idOrLink: string): StoredPost[] {
  const value = idOrLink.normalize('NFKC').trim();
  const id = /(\d{4})-(\d{1,4})/.exec(value);
  if (/^https?:\/\//.test(value)) return records.filter((r) => r.post.link === value);
  if (!id) return [];
  const wanted = `${id[1]}-${(id[2] as string).padStart(3, '0')}`;
  return records.filter((r) => r.classification.incidentId === wanted);
}

export interface IncidentStats {
  total: number;
  byCause: Array<[Cause, number]>;
  bySeverity: Array<[Severity, number]>;
}

/** Counts of incidents disclosed in the last `days` days (by disclosure date, else publication). */
export function incidentStats(
  records: readonly StoredPost[],
  days: number,
  now: Date,
): IncidentStats {
  const from = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const inPeriod = records.filter(isIncident).filter((r) => dayOf(r) >= from);
  const byCause = CAUSES.map(
    (c) => [c, inPeriod.filter((r) => r.classification.cause === c).length] as [Cause, number],
  ).filter(([, n]) => n > 0);
  const bySeverity = SEVERITIES.map(
    (s) =>
      [s, inPeriod.filter((r) => r.classification.severity === s).length] as [Severity, number],
  ).filter(([, n]) => n > 0);
  byCause.sort((a, b) => b[1] - a[1]);
  return { total: inPeriod.length, byCause, bySeverity };
}
