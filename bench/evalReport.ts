/** Tables for `npm run eval`: metrics per group, and confusion matrices of kind and cause. */
import { CAUSES, KINDS } from '../src/classify/vocabulary.js';
import { computeMetrics, type MetricRow, type Scored } from './evalMetrics.js';

const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(x * 100).toFixed(1)}%`.padStart(6));

/** The full metric table of one set (strict and lenient). */
export function metricTable(rows: MetricRow[]): string {
  const lines = ['| metric | strict | lenient | n |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.name} | ${pct(r.strict)} | ${pct(r.lenient)} | ${r.n} |`);
  return lines.join('\n');
}

/** Several sets' metrics side by side (lenient, strict in brackets where it differs). */
export function sideBySide(sets: { name: string; rows: MetricRow[] }[]): string {
  const head = `| metric | ${sets.map((s) => `${s.name} (n=${s.rows[0]?.n ?? 0})`).join(' | ')} |`;
  const lines = [head, `|---|${sets.map(() => '---|').join('')}`];
  const names = sets[0]?.rows.map((r) => r.name) ?? [];
  for (const name of names) {
    const cells = sets.map((s) => {
      const r = s.rows.find((x) => x.name === name);
      if (!r) return '';
      const strict = r.strict === r.lenient ? '' : ` (${pct(r.strict).trim()})`;
      return `${pct(r.lenient).trim()}${strict}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const SHORT: Record<string, string> = {
  'alert relevance F1': 'alertF1',
  'kind accuracy': 'kind',
  'cause accuracy (not off_topic)': 'cause',
  'severity exact': 'sev',
  'severity within one level': 'sev±1',
  'affected exact': 'affected',
  'organization match': 'org',
};

/** Lenient headline metrics for each group of `scored` (per feed, per genre). */
export function groupTable(
  scored: Scored[],
  groupOf: (s: Scored) => string,
  title: string,
): string {
  const groups = [...new Set(scored.map(groupOf))].sort();
  const lines = [
    `| ${title} | n | ${Object.values(SHORT).join(' | ')} |`,
    `|---|---|${Object.values(SHORT)
      .map(() => '---|')
      .join('')}`,
  ];
  for (const group of groups) {
    const members = scored.filter((s) => groupOf(s) === group);
    const rows = computeMetrics(members);
    const cells = Object.keys(SHORT).map((name) =>
      pct(rows.find((r) => r.name === name)?.lenient ?? NaN).trim(),
    );
    lines.push(`| ${group} | ${members.length} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Label (rows) × prediction (columns) counts, only the values that occur. */
export function confusion(
  scored: Scored[],
  truth: (s: Scored) => string,
  predicted: (s: Scored) => string,
  order: readonly string[],
): string {
  const seen = new Set(scored.flatMap((s) => [truth(s), predicted(s)]));
  const values = order.filter((v) => seen.has(v));
  const count = (t: string, p: string) =>
    scored.filter((s) => truth(s) === t && predicted(s) === p).length;
  const lines = [
    `| label ↓ / predicted → | ${values.join(' | ')} |`,
    `|---|${values.map(() => '---|').join('')}`,
  ];
  for (const t of values) {
    if (!scored.some((s) => truth(s) === t)) continue;
    lines.push(`| ${t} | ${values.map((p) => String(count(t, p) || '·')).join(' | ')} |`);
  }
  return lines.join('\n');
}

export const kindConfusion = (scored: Scored[]) =>
  confusion(
    scored,
    (s) => s.item.label.kind,
    (s) => s.predicted.kind,
    KINDS,
  );

export const causeConfusion = (scored: Scored[]) =>
  confusion(
    scored.filter((s) => s.item.label.kind !== 'off_topic'),
    (s) => s.item.label.cause,
    (s) => s.predicted.cause,
    CAUSES,
  );
