/** Words of the stats reply and chart, in Japanese and English: label names, never ids. */
import { CAUSE_NAMES, SEVERITY_NAMES, type Cause, type Severity } from '../classify/vocabulary.js';
import type { StatsBucket, StatsDimension, StatsSeries } from './statsSeries.js';

export type ChartLang = 'ja' | 'en';

/** One name per label, in the reader's language (spec §2 and §5). */
export function labelName(by: StatsDimension, key: Cause | Severity, lang: ChartLang): string {
  return by === 'cause' ? CAUSE_NAMES[key as Cause][lang] : SEVERITY_NAMES[key as Severity][lang];
}

const TEXTS = {
  titleByCause: { en: 'Incidents by cause', ja: '原因別の事件数' },
  titleBySeverity: { en: 'Incidents by severity', ja: '重大度別の事件数' },
  perWeek: { en: 'per week', ja: '週ごと' },
  perMonth: { en: 'per month', ja: '月ごと' },
  weekAxis: { en: 'Week (starting Monday)', ja: '週(月曜始まり)' },
  monthAxis: { en: 'Month', ja: '月' },
  countAxis: { en: 'Incidents', ja: '件数' },
  total: { en: 'Total', ja: '合計' },
  empty: { en: 'No incidents in this period.', ja: 'この期間の事件はありません。' },
  chartWritten: { en: 'Chart written to {file}', ja: 'グラフを {file} に保存しました' },
} as const satisfies Record<string, Record<ChartLang, string>>;

export const chartText = (key: keyof typeof TEXTS, lang: ChartLang) => TEXTS[key][lang];

/** Every word a chart may draw in either language: label names and the chart's own texts. */
export function chartWords(): string[] {
  return [
    ...Object.values(CAUSE_NAMES).flatMap((n) => [n.ja, n.en]),
    ...Object.values(SEVERITY_NAMES).flatMap((n) => [n.ja, n.en]),
    ...Object.values(TEXTS).flatMap((t) => [t.ja, t.en]),
  ];
}

/** A count in the reader's language: `5件` / `5`. */
export function countText(count: number, lang: ChartLang): string {
  const number = count.toLocaleString('en-US');
  return lang === 'ja' ? `${number}件` : number;
}

/** "Incidents by cause, per week" / "原因別の事件数(週ごと)" */
export function statsTitle(by: StatsDimension, bucket: StatsBucket, lang: ChartLang): string {
  const what = chartText(by === 'cause' ? 'titleByCause' : 'titleBySeverity', lang);
  const per = chartText(bucket === 'week' ? 'perWeek' : 'perMonth', lang);
  return lang === 'ja' ? `${what}(${per})` : `${what}, ${per}`;
}

/** The period: "2024-01-01 – 2024-03-31" / "2024-01-01〜2024-03-31". */
export function periodText(series: Pick<StatsSeries, 'since' | 'until'>, lang: ChartLang): string {
  return lang === 'ja' ? `${series.since}〜${series.until}` : `${series.since} – ${series.until}`;
}

/**
 * The numbers of the series as text lines, for the reply beside the chart: the total, one line
 * per label, then one line per bucket with its incidents.
 */
export function statsTextLines(series: StatsSeries, lang: ChartLang): string[] {
  const head = `${statsTitle(series.by, series.bucket, lang)} ${periodText(series, lang)}`;
  if (series.total === 0) return [head, chartText('empty', lang)];
  const separator = lang === 'ja' ? ': ' : ': ';
  return [
    head,
    `${chartText('total', lang)}${separator}${countText(series.total, lang)}`,
    ...series.lines.map(
      (line) => `${labelName(series.by, line.key, lang)}${separator}${countText(line.total, lang)}`,
    ),
    ...series.buckets
      .map((bucket, i) => [bucket, series.bucketTotals[i] as number] as const)
      .filter(([, count]) => count > 0)
      .map(([bucket, count]) => `${bucket}${separator}${countText(count, lang)}`),
  ];
}
