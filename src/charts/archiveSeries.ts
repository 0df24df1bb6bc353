/**
 * The stats series read from the archive's indexed counts instead of every record: one
 * `stats` query per bucket gives that bucket's counts by cause and by severity. The result
 * equals `statsSeries` over the same records (tests/e2e/incidentFiles.test.ts checks it).
 */
import { CAUSES, SEVERITIES, type Cause, type Severity } from '../classify/vocabulary.js';
import type { ArchiveStats, IncidentArchive } from '../store/sql/incidentArchive.js';
import { bucketsBetween, type StatsBucket, type StatsSeries } from './statsSeries.js';

/** The first and last day of each bucket label, clipped to [since, until]. */
function bucketRanges(since: string, until: string, bucket: StatsBucket) {
  const labels = bucketsBetween(since, until, bucket);
  const starts = labels.map((l) => (bucket === 'month' ? `${l}-01` : l));
  return labels.map((label, i) => {
    const next = starts[i + 1];
    const last = next
      ? new Date(new Date(`${next}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10)
      : until;
    const first = starts[i] as string;
    return { label, from: first < since ? since : first, until: last > until ? until : last };
  });
}

function seriesOf<K extends Cause | Severity>(
  by: StatsSeries['by'],
  keys: readonly K[],
  perBucket: Array<Map<K, number>>,
  base: Pick<StatsSeries, 'bucket' | 'since' | 'until' | 'buckets'>,
): StatsSeries {
  const lines = keys
    .map((key) => {
      const counts = perBucket.map((m) => m.get(key) ?? 0);
      return { key, counts, total: counts.reduce((a, b) => a + b, 0) };
    })
    .filter((line) => line.total > 0);
  // Stable sort: equal totals keep the vocabulary's order, as statsSeries does.
  if (by === 'cause') lines.sort((a, b) => b.total - a.total);
  const bucketTotals = base.buckets.map((_, i) =>
    lines.reduce((sum, l) => sum + (l.counts[i] as number), 0),
  );
  return {
    ...base,
    by,
    lines,
    bucketTotals,
    total: bucketTotals.reduce((a, b) => a + b, 0),
  };
}

/** The by-cause and by-severity series of [since, until] from the archive. */
export async function archiveStatsSeries(
  archive: Pick<IncidentArchive, 'stats'>,
  options: { bucket: StatsBucket; since: string; until: string },
): Promise<{ cause: StatsSeries; severity: StatsSeries }> {
  const ranges = bucketRanges(options.since, options.until, options.bucket);
  const stats: ArchiveStats[] = [];
  for (const range of ranges)
    stats.push(await archive.stats({ from: range.from, until: range.until }));
  const base = { ...options, buckets: ranges.map((r) => r.label) };
  return {
    cause: seriesOf(
      'cause',
      CAUSES,
      stats.map((s) => new Map(s.byCause)),
      base,
    ),
    severity: seriesOf(
      'severity',
      SEVERITIES,
      stats.map((s) => new Map(s.bySeverity)),
      base,
    ),
  };
}
