/**
 * Pure helpers over records already in hand (exports, charts). The bot's lookups are indexed
 * queries of the archive (src/store/sql/incidentArchive.ts), never a scan of every post.
 */
import {
  CAUSES,
  isIncidentKind,
  SEVERITIES,
  type Cause,
  type Severity,
} from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';

/** Whether a stored post reports an incident (spec kinds incident and incident_update). */
export function isIncident(record: StoredPost): boolean {
  return isIncidentKind(record.classification.kind);
}

/** The day an incident counts for: its disclosure date, else the post's publication day. */
const dayOf = (r: StoredPost): string =>
  r.classification.disclosedOn ?? r.post.publishedAt?.slice(0, 10) ?? '';

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
