/**
 * Incidents per week or month, split by cause or severity: the one series that both the text
 * of a stats reply and its chart are drawn from, so the two cannot disagree.
 */
import { CAUSES, SEVERITIES, type Cause, type Severity } from '../classify/vocabulary.js';
import { incidentDay, isIncidentInRange } from '../export/selectRecords.js';
import type { StoredPost } from '../store/postStore.js';

export type StatsDimension = 'cause' | 'severity';
export type StatsBucket = 'week' | 'month';

export interface StatsSeriesOptions {
  by: StatsDimension;
  bucket: StatsBucket;
  /** First and last day counted, inclusive, YYYY-MM-DD. */
  since: string;
  until: string;
}

export interface StatsLine {
  key: Cause | Severity;
  /** Incidents per bucket, in the order of `buckets`. */
  counts: number[];
  total: number;
}

export interface StatsSeries {
  by: StatsDimension;
  bucket: StatsBucket;
  since: string;
  until: string;
  /** Bucket labels: `YYYY-MM` for months, the Monday `YYYY-MM-DD` for ISO weeks. */
  buckets: string[];
  /** One line per label with at least one incident: causes most frequent first, severities worst first. */
  lines: StatsLine[];
  /** Incidents per bucket, all labels together. */
  bucketTotals: number[];
  total: number;
}

const DAY_MS = 86_400_000;
const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The bucket a day falls in: its month, or the Monday that starts its ISO week. */
export function bucketOf(day: string, bucket: StatsBucket): string {
  if (bucket === 'month') return day.slice(0, 7);
  const date = utcDay(day);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return isoDay(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Every bucket from the one holding `since` to the one holding `until`, empty ones included. */
export function bucketsBetween(since: string, until: string, bucket: StatsBucket): string[] {
  const buckets: string[] = [];
  const last = bucketOf(until, bucket);
  let current = bucketOf(since, bucket);
  while (current <= last) {
    buckets.push(current);
    if (bucket === 'week') current = isoDay(new Date(utcDay(current).getTime() + 7 * DAY_MS));
    else {
      const [year, month] = current.split('-').map(Number) as [number, number];
      current = isoDay(new Date(Date.UTC(year, month, 1))).slice(0, 7);
    }
  }
  return buckets;
}

/** Counts the incidents of `records` whose day lies in [since, until], per bucket and label. */
export function statsSeries(
  records: Iterable<StoredPost>,
  options: StatsSeriesOptions,
): StatsSeries {
  const buckets = bucketsBetween(options.since, options.until, options.bucket);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const keys: readonly (Cause | Severity)[] = options.by === 'cause' ? CAUSES : SEVERITIES;
  const counts = new Map(keys.map((key) => [key, buckets.map(() => 0)]));
  for (const record of records) {
    if (!isIncidentInRange(record, options)) continue;
    const at = index.get(bucketOf(incidentDay(record), options.bucket));
    const key =
      options.by === 'cause' ? record.classification.cause : record.classification.severity;
    const row = counts.get(key);
    if (at === undefined || !row) continue;
    row[at] = (row[at] as number) + 1;
  }
  const lines = keys
    .map((key) => {
      const row = counts.get(key) as number[];
      return { key, counts: row, total: row.reduce((a, b) => a + b, 0) };
    })
    .filter((line) => line.total > 0);
  // Stable sort: equal totals keep the vocabulary's order.
  if (options.by === 'cause') lines.sort((a, b) => b.total - a.total);
  const bucketTotals = buckets.map((_, i) =>
    lines.reduce((sum, l) => sum + (l.counts[i] as number), 0),
  );
  return {
    ...options,
    buckets,
    lines,
    bucketTotals,
    total: bucketTotals.reduce((a, b) => a + b, 0),
  };
}

/** The period of the last `days` days up to `now`, as `/incident stats` counts it. */
export function lastDays(days: number, now: Date): { since: string; until: string } {
  return { since: isoDay(new Date(now.getTime() - days * DAY_MS)), until: isoDay(now) };
}
