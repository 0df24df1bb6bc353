/**
 * One stats chart rasterised (issue 13's PNG, issue 11's stats latency): shaped against the whole CJK
 * font (the reference, what every chart cost before 2026-12-02) and against the subset the bot uses
 * now, for a quarter by week and ten years by month, in the same minutes. The first subset (once per
 * process) is reported on its own.
 */
import { renderStatsPng, renderStatsPngAsync } from '../src/charts/renderStatsChart.js';
import type { StatsSeries } from '../src/charts/statsSeries.js';
import { CAUSES } from '../src/classify/vocabulary.js';
import { percentile } from './stats.js';

function series(buckets: string[], bucket: 'week' | 'month'): StatsSeries {
  const lines = CAUSES.slice(0, 8).map((key, k) => {
    const counts = buckets.map((_, i) => (i * (k + 3)) % 7);
    return { key, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const bucketTotals = buckets.map((_, i) =>
    lines.reduce((n, l) => n + (l.counts[i] as number), 0),
  );
  const total = bucketTotals.reduce((a, b) => a + b, 0);
  return {
    by: 'cause',
    bucket,
    since: buckets[0] as string,
    until: '2026-11-30',
    buckets,
    lines,
    bucketTotals,
    total,
  } as StatsSeries;
}

const weeks = Array.from({ length: 13 }, (_, i) =>
  new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10),
);
const months = Array.from(
  { length: 121 },
  (_, i) => `${2016 + Math.floor((i + 11) / 12)}-${String(((i + 11) % 12) + 1).padStart(2, '0')}`,
);

async function timed(run: () => unknown, rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await run();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

export async function runChartRenderBench(rounds = 5): Promise<string[]> {
  const lines: string[] = [];
  const first = await timed(() => renderStatsPngAsync(series(weeks, 'week'), 'ja'), 1);
  lines.push(`chart: first chart of the process (subset made once) ${first[0]?.toFixed(0)} ms`);
  for (const [name, s] of [
    ['a quarter by week', series(weeks, 'week')],
    ['ten years by month', series(months, 'month')],
  ] as const) {
    const whole = await timed(() => renderStatsPng(s, 'ja'), Math.min(rounds, 3));
    const subset = await timed(() => renderStatsPngAsync(s, 'ja'), rounds);
    const p50w = percentile(whole.sort((a, b) => a - b), 50);
    const p50s = percentile(subset.sort((a, b) => a - b), 50);
    lines.push(
      `chart ${name} (ja): whole font p50 ${p50w.toFixed(0)} ms, subset p50 ${p50s.toFixed(0)} ms (max ${Math.max(...subset).toFixed(0)}), ${(p50w / p50s).toFixed(1)}x less`,
    );
  }
  return lines;
}
