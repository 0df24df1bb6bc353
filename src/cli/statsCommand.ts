/** `jikenbo stats [--days N] [--by cause|severity] [--bucket week|month] [--lang ja|en] [--png FILE]`. */
import { writeFile } from 'node:fs/promises';
import { CHART_SIZE } from '../charts/statsChartOption.js';
import {
  lastDays,
  statsSeries,
  type StatsBucket,
  type StatsDimension,
} from '../charts/statsSeries.js';
import { chartText, statsTextLines, type ChartLang } from '../charts/statsTexts.js';
import { incidentsInRange, type RecordSource } from '../export/selectRecords.js';
import type { StoredPost } from '../store/postStore.js';
import { CommandInputError } from './exportCommand.js';
import type { Output } from './pollCommand.js';

export const STATS_USAGE = `Usage: jikenbo stats [--days N] [--by cause|severity] [--bucket week|month] [--lang ja|en] [--png FILE]

Counts the stored incidents of the last N days (default 90) by cause or by severity,
per week or month (default: weeks up to 120 days, months beyond), and prints the numbers.
  --png FILE   also draw them as a stacked bar chart, ${CHART_SIZE.width}×${CHART_SIZE.height} PNG
  --lang       the language of the labels (default en)`;

/** parseArgs options of the command. */
export const STATS_OPTIONS = {
  days: { type: 'string' },
  by: { type: 'string' },
  bucket: { type: 'string' },
  lang: { type: 'string' },
  png: { type: 'string' },
} as const;

export interface StatsCommandOptions {
  days: number;
  by: StatsDimension;
  bucket: StatsBucket;
  lang: ChartLang;
  png?: string;
}

const DEFAULT_DAYS = 90;
/** Beyond this many days, weekly bars get too thin to read: months are the default. */
const WEEKS_UP_TO_DAYS = 120;
const MAX_DAYS = 3660;

function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new CommandInputError(
    `--${name} expects one of ${allowed.join(', ')}, got "${String(value)}"`,
  );
}

/** Checks the parsed option values of `jikenbo stats`. */
export function parseStatsOptions(
  values: Record<string, string | boolean | undefined>,
): StatsCommandOptions {
  const rawDays = values.days;
  let days = DEFAULT_DAYS;
  if (rawDays !== undefined) {
    if (
      typeof rawDays !== 'string' ||
      !/^\d+$/.test(rawDays) ||
      Number(rawDays) < 1 ||
      Number(rawDays) > MAX_DAYS
    ) {
      throw new CommandInputError(
        `--days expects a whole number from 1 to ${MAX_DAYS}, got "${String(rawDays)}"`,
      );
    }
    days = Number(rawDays);
  }
  return {
    days,
    by: oneOf('by', values.by, ['cause', 'severity'], 'cause'),
    bucket: oneOf(
      'bucket',
      values.bucket,
      ['week', 'month'],
      days <= WEEKS_UP_TO_DAYS ? 'week' : 'month',
    ),
    lang: oneOf('lang', values.lang, ['ja', 'en'], 'en'),
    png: values.png as string | undefined,
  };
}

export interface StatsCommandDeps {
  records: RecordSource;
  now: () => Date;
  /** Writes the PNG (a file by default). */
  writePng?: (path: string, png: Buffer) => Promise<void>;
}

/** Prints the numbers and, with --png, draws the chart of the very same series. */
export async function runStats(
  options: StatsCommandOptions,
  deps: StatsCommandDeps,
  io: Output,
): Promise<number> {
  const period = lastDays(options.days, deps.now());
  const incidents: StoredPost[] = [];
  for await (const record of incidentsInRange(deps.records, period)) incidents.push(record);
  const series = statsSeries(incidents, { by: options.by, bucket: options.bucket, ...period });
  for (const line of statsTextLines(series, options.lang)) io.out(line);
  if (options.png) {
    // Loaded only here: the drawing modules cost more memory than the rest of this command.
    const { renderStatsPngAsync } = await import('../charts/renderStatsChart.js');
    const png = await renderStatsPngAsync(series, options.lang);
    await (deps.writePng ?? writeFile)(options.png, png);
    io.out(chartText('chartWritten', options.lang).replace('{file}', options.png));
  }
  return 0;
}
