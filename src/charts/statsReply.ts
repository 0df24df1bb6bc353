/**
 * The `/incident stats` answer: two charts (by cause, by severity) as PNG files
 * and the same numbers as text, both from one pair of series, so the picture
 * and the words cannot disagree. Pure apart from rasterising; no Discord here.
 */
import type { StoredPost } from '../store/postStore.js';
import type { RenderChart } from './renderStatsChart.js';
import { lastDays, statsSeries, type StatsBucket, type StatsSeries } from './statsSeries.js';
import { countText, labelName, periodText, statsTitle, type ChartLang } from './statsTexts.js';

export interface StatsReplyFile {
  name: string;
  data: Buffer;
}

export interface StatsReplyEmbed {
  title: string;
  description: string;
  image?: { url: string };
}

export interface StatsReply {
  total: number;
  series: { cause: StatsSeries; severity: StatsSeries };
  embeds: StatsReplyEmbed[];
  files: StatsReplyFile[];
}

/**
 * The rasteriser, imported on the first chart asked for: ECharts and resvg add about 30 MB to a
 * process, which a bot or `serve` process that is never asked for a chart need not hold.
 */
export const renderStatsPngLazily: RenderChart = async (series, lang) =>
  (await import('./renderStatsChart.js')).renderStatsPngAsync(series, lang);

/** Weeks for a quarter or less, months beyond: a chart stays readable at 960 px. */
export function bucketForDays(days: number): StatsBucket {
  return days <= 92 ? 'week' : 'month';
}

/** One embed's text: the label lines of a series, then its buckets that had incidents. */
function seriesText(series: StatsSeries, lang: ChartLang): string {
  if (series.total === 0) return '—';
  const labels = series.lines.map(
    (line) => `${labelName(series.by, line.key, lang)}: ${countText(line.total, lang)}`,
  );
  return labels.join('\n');
}

/** The reply for a pair of series (by cause, by severity) of one period, in `lang`. */
export async function statsReplyOf(
  series: { cause: StatsSeries; severity: StatsSeries },
  lang: ChartLang,
  render: RenderChart = renderStatsPngLazily,
): Promise<StatsReply> {
  const charts: Array<{ name: string; data: Promise<Buffer> }> = [];
  const embeds = [series.cause, series.severity].map((one): StatsReplyEmbed => {
    const name = `stats-by-${one.by}-${lang}.png`;
    const embed: StatsReplyEmbed = {
      title: `${statsTitle(one.by, one.bucket, lang)} ${periodText(one, lang)}`,
      description: seriesText(one, lang),
    };
    if (one.total > 0) {
      charts.push({ name, data: render(one, lang) });
      embed.image = { url: `attachment://${name}` };
    }
    return embed;
  });
  // Both charts rasterise at once, on the thread pool.
  const files: StatsReplyFile[] = await Promise.all(
    charts.map(async (chart) => ({ name: chart.name, data: await chart.data })),
  );
  return { total: series.cause.total, series, embeds, files };
}

/** The period `/incident stats days:` covers and the bucket its charts use. */
export function statsPeriod(days: number, now: Date) {
  return { ...lastDays(days, now), bucket: bucketForDays(days) };
}

/** The stats of the last `days` days up to `now`, in `lang`, from records in memory. */
export function buildStatsReply(
  records: Iterable<StoredPost>,
  options: { days: number; now: Date; lang: ChartLang; render?: RenderChart },
): Promise<StatsReply> {
  const period = statsPeriod(options.days, options.now);
  const list = [...records];
  return statsReplyOf(
    {
      cause: statsSeries(list, { by: 'cause', ...period }),
      severity: statsSeries(list, { by: 'severity', ...period }),
    },
    options.lang,
    options.render,
  );
}
