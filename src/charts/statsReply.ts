/**
 * The `/incident stats` answer: two charts (by cause, by severity) as PNG files
 * and the same numbers as text, both from one pair of series, so the picture
 * and the words cannot disagree. Pure apart from rasterising; no Discord here.
 */
import type { StoredPost } from '../store/postStore.js';
import { renderStatsPng } from './renderStatsChart.js';
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

/** The stats of the last `days` days up to `now`, in `lang`. */
export function buildStatsReply(
  records: Iterable<StoredPost>,
  options: { days: number; now: Date; lang: ChartLang; render?: typeof renderStatsPng },
): StatsReply {
  const render = options.render ?? renderStatsPng;
  const period = lastDays(options.days, options.now);
  const bucket = bucketForDays(options.days);
  const list = [...records];
  const cause = statsSeries(list, { by: 'cause', bucket, ...period });
  const severity = statsSeries(list, { by: 'severity', bucket, ...period });
  const files: StatsReplyFile[] = [];
  const embeds = [cause, severity].map((series): StatsReplyEmbed => {
    const name = `stats-by-${series.by}-${options.lang}.png`;
    const embed: StatsReplyEmbed = {
      title: `${statsTitle(series.by, bucket, options.lang)} ${periodText(series, options.lang)}`,
      description: seriesText(series, options.lang),
    };
    if (series.total > 0) {
      files.push({ name, data: render(series, options.lang) });
      embed.image = { url: `attachment://${name}` };
    }
    return embed;
  });
  return { total: cause.total, series: { cause, severity }, embeds, files };
}
