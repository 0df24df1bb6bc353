import { describe, expect, it } from 'vitest';
import { incidentStats } from '../../../src/incidents/lookups.js';
import {
  bucketOf,
  bucketsBetween,
  lastDays,
  statsSeries,
} from '../../../src/charts/statsSeries.js';
import { statsTextLines } from '../../../src/charts/statsTexts.js';
import { quarterOfIncidents } from '../../fixtures/export/chartRecords.js';
import { SAMPLE_RECORDS } from '../../fixtures/export/incidents.js';

const QUARTER = { since: '2024-01-01', until: '2024-03-31' };

describe('statsSeries', () => {
  it('puts a day in its ISO week (starting Monday) or its month', () => {
    expect(bucketOf('2024-01-07', 'week')).toBe('2024-01-01'); // a Sunday
    expect(bucketOf('2024-01-08', 'week')).toBe('2024-01-08'); // a Monday
    expect(bucketOf('2024-03-01', 'week')).toBe('2024-02-26');
    expect(bucketOf('2024-02-29', 'month')).toBe('2024-02');
  });

  it('lists every bucket of the period, empty ones included, across a year end', () => {
    expect(bucketsBetween('2023-11-15', '2024-02-03', 'month')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(bucketsBetween('2023-12-28', '2024-01-10', 'week')).toEqual([
      '2023-12-25',
      '2024-01-01',
      '2024-01-08',
    ]);
  });

  it('counts incidents per bucket and label, leaving out other kinds and days outside the period', () => {
    const series = statsSeries(SAMPLE_RECORDS, { by: 'severity', bucket: 'month', ...QUARTER });
    expect(series.buckets).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(series.lines).toEqual([
      { key: 'critical', counts: [1, 0, 0], total: 1 },
      { key: 'high', counts: [0, 1, 0], total: 1 },
      { key: 'low', counts: [1, 0, 0], total: 1 },
    ]);
    expect(series.bucketTotals).toEqual([2, 1, 0]);
    expect(series.total).toBe(3);
    const january = statsSeries(SAMPLE_RECORDS, {
      by: 'cause',
      bucket: 'week',
      since: '2024-01-20',
      until: '2024-01-31',
    });
    expect(january.buckets).toEqual(['2024-01-15', '2024-01-22', '2024-01-29']);
    expect(january.lines).toEqual([{ key: 'misdelivery', counts: [0, 1, 0], total: 1 }]);
  });

  it('agrees with the totals of /incident stats for the same period', () => {
    const records = quarterOfIncidents();
    const now = new Date('2024-03-31T12:00:00.000Z');
    const stats = incidentStats(records, 45, now);
    const byCause = statsSeries(records, { by: 'cause', bucket: 'week', ...lastDays(45, now) });
    const bySeverity = statsSeries(records, {
      by: 'severity',
      bucket: 'week',
      ...lastDays(45, now),
    });
    expect(byCause.total).toBe(stats.total);
    expect(byCause.lines.map((l) => [l.key, l.total])).toEqual(stats.byCause);
    expect(bySeverity.lines.map((l) => [l.key, l.total])).toEqual(stats.bySeverity);
  });

  it('writes the same numbers in the text reply in both languages', () => {
    const series = statsSeries(quarterOfIncidents(), { by: 'cause', bucket: 'month', ...QUARTER });
    const en = statsTextLines(series, 'en');
    const ja = statsTextLines(series, 'ja');
    expect(en[1]).toBe(`Total: ${series.total}`);
    expect(ja[1]).toBe(`合計: ${series.total}件`);
    expect(en).toContain(`Ransomware: ${series.lines.find((l) => l.key === 'ransomware')?.total}`);
    expect(ja).toContain(
      `ランサムウェア: ${series.lines.find((l) => l.key === 'ransomware')?.total}件`,
    );
    expect(en.slice(-3)).toEqual(series.buckets.map((b, i) => `${b}: ${series.bucketTotals[i]}`));
    // Names, not ids, in what a person reads.
    expect(ja.join('\n')).not.toMatch(/\b(ransomware|unauthorized_access|misdelivery)\b/);
  });

  it('says there is nothing to show for an empty period', () => {
    const series = statsSeries(SAMPLE_RECORDS, {
      by: 'cause',
      bucket: 'week',
      since: '2030-01-01',
      until: '2030-01-31',
    });
    expect(series.total).toBe(0);
    expect(statsTextLines(series, 'ja')[1]).toBe('この期間の事件はありません。');
    expect(statsTextLines(series, 'en')[1]).toBe('No incidents in this period.');
  });
});
