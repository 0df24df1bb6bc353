/** Folds grouped counts into ArchiveStats; shared by both archives so their figures agree. */
import {
  CAUSES,
  KINDS,
  SEVERITIES,
  type Cause,
  type Kind,
  type Severity,
} from '../../classify/vocabulary.js';
import type { ArchiveStats, StatsQuery } from './incidentArchive.js';

export interface DayCount {
  /** The bucket's first day (see bucketStart), or null when no bucket was asked for. */
  bucket: string | null;
  kind: string;
  cause: string;
  severity: string;
  count: number;
}

/** The first day of the week (Monday) or month that `day` (YYYY-MM-DD) falls in. */
export function bucketStart(day: string, bucket: 'week' | 'month'): string {
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

function counted<T extends string>(
  order: readonly T[],
  counts: Map<string, number>,
): Array<[T, number]> {
  return order.filter((v) => (counts.get(v) ?? 0) > 0).map((v) => [v, counts.get(v) as number]);
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function foldStats(rows: readonly DayCount[], query: StatsQuery): ArchiveStats {
  const causes = new Map<string, number>();
  const severities = new Map<string, number>();
  const kinds = new Map<string, number>();
  const buckets = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    total += row.count;
    add(causes, row.cause, row.count);
    add(severities, row.severity, row.count);
    add(kinds, row.kind, row.count);
    if (query.bucket && row.bucket) add(buckets, row.bucket, row.count);
  }
  const byCause = counted<Cause>(CAUSES, causes);
  // A stable sort keeps vocabulary order among equal counts.
  byCause.sort((a, b) => b[1] - a[1]);
  return {
    total,
    byCause,
    bySeverity: counted<Severity>(SEVERITIES, severities),
    byKind: counted<Kind>(KINDS, kinds),
    buckets: [...buckets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([start, count]) => ({ start, count })),
  };
}
