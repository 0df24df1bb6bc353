/**
 * An incident's timeline, pure: its first report and every post that continues it, oldest first,
 * each with what changed since the post before (affected count, severity, cause).
 */
import type { Cause, Severity } from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import { continuesOf } from '../store/sql/linkColumns.js';
import { linkOf, rootIdOf, timeOf, type IncidentLink } from './linkIncident.js';

export type FactChange =
  | { fact: 'affected'; from: number | null; to: number }
  | { fact: 'severity'; from: Severity; to: Severity }
  | { fact: 'cause'; from: Cause; to: Cause };

export interface TimelineEntry {
  record: StoredPost;
  /** YYYY-MM-DD: disclosed, else published, else stored. */
  day: string;
  /** The link to the earlier post (null for the first report). */
  link: IncidentLink | null;
  /** Against the previous entry; empty for the first report. */
  changes: FactChange[];
}

/** What `after` says differently from `before`: a new or different affected count, severity, cause. */
export function changedFacts(before: StoredPost, after: StoredPost): FactChange[] {
  const b = before.classification;
  const a = after.classification;
  const changes: FactChange[] = [];
  // A later post that does not repeat the count is not a change to "unknown".
  if (a.affected !== null && a.affected !== b.affected)
    changes.push({ fact: 'affected', from: b.affected, to: a.affected });
  if (a.severity !== b.severity)
    changes.push({ fact: 'severity', from: b.severity, to: a.severity });
  if (a.cause !== b.cause) changes.push({ fact: 'cause', from: b.cause, to: a.cause });
  return changes;
}

function dayOf(r: StoredPost): string {
  return r.classification.disclosedOn ?? (r.post.publishedAt ?? r.storedAt).slice(0, 10);
}

/**
 * The timeline of the incident `record` belongs to, from `records` (any posts: only the first
 * report and the posts continuing it are kept).
 */
export function incidentTimeline(
  record: StoredPost,
  records: readonly StoredPost[],
): TimelineEntry[] {
  const root = rootIdOf(record);
  const posts = records
    .filter((r) => r.post.id === root || continuesOf(r) === root)
    .sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0));
  return posts.map((r, i) => ({
    record: r,
    day: dayOf(r),
    link: linkOf(r),
    changes: i === 0 ? [] : changedFacts(posts[i - 1] as StoredPost, r),
  }));
}
