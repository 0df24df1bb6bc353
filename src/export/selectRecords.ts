/** Which stored posts an export or a chart covers: incidents, by the day they count for. */
import { isIncident } from '../incidents/lookups.js';
import type { StoredPost } from '../store/postStore.js';

/** Anything that yields stored posts one at a time: a store's list, a cursor, a generator. */
export type RecordSource = AsyncIterable<StoredPost> | Iterable<StoredPost>;

/** An inclusive range of days, YYYY-MM-DD; a missing end is open. */
export interface DayRange {
  since?: string | null;
  until?: string | null;
}

/**
 * The day an incident counts for: its disclosure date, else the post's publication day.
 * The same rule as the lookups' stats, so an export and `/incident stats` agree on a period.
 */
export function incidentDay(record: StoredPost): string {
  return record.classification.disclosedOn ?? record.post.publishedAt?.slice(0, 10) ?? '';
}

/** True when the record is an incident (or an update) whose day falls in the range. */
export function isIncidentInRange(record: StoredPost, range: DayRange): boolean {
  if (!isIncident(record)) return false;
  const day = incidentDay(record);
  if (range.since && day < range.since) return false;
  if (range.until && day > range.until) return false;
  return true;
}

/** The incidents of `source` in `range`, streamed in the source's order. */
export async function* incidentsInRange(
  source: RecordSource,
  range: DayRange,
): AsyncGenerator<StoredPost> {
  for await (const record of source) if (isIncidentInRange(record, range)) yield record;
}
