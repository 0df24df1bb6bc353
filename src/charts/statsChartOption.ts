/** The ECharts option of the stats chart: a stacked bar per week or month, built from the series only. */
import { SEVERITY_COLOURS } from '../alerts/renderAlert.js';
import type { Severity } from '../classify/vocabulary.js';
import type { StatsSeries } from './statsSeries.js';
import { chartText, labelName, periodText, statsTitle, type ChartLang } from './statsTexts.js';

/** The chart's size in pixels (here, not in the renderer, so naming it loads no ECharts or resvg). */
export const CHART_SIZE = { width: 960, height: 540 } as const;

/** The family name of the bundled font; the renderer loads its files explicitly. */
export const CHART_FONT_FAMILY = 'Noto Sans JP';

/** Thirteen distinguishable colours for the causes (ColorBrewer Paired + a grey for "other"). */
const CAUSE_PALETTE = [
  '#e31a1c',
  '#ff7f00',
  '#1f78b4',
  '#6a3d9a',
  '#33a02c',
  '#b15928',
  '#a6cee3',
  '#fb9a99',
  '#fdbf6f',
  '#cab2d6',
  '#b2df8a',
  '#ffff99',
  '#9e9e9e',
];

const hex = (colour: number) => `#${colour.toString(16).padStart(6, '0')}`;

const LEGEND_FONT_SIZE = 13;

/**
 * A generous estimate of a legend entry's width (ECharts cannot measure text without a
 * canvas): full-width characters take one em, the rest about 0.56 em in Noto Sans JP.
 */
function legendWidth(names: readonly string[]): number {
  const textWidth = (name: string) =>
    [...name].reduce((width, ch) => width + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.56), 0) *
    LEGEND_FONT_SIZE;
  return Math.ceil(Math.max(0, ...names.map(textWidth))) + 25 + 8;
}

export type StatsChartOption = {
  title: { text: string; subtext: string; left: string; textStyle: object; subtextStyle: object };
  legend: {
    orient: 'vertical';
    top: 'middle';
    right: number;
    itemGap: number;
    textStyle: object;
    data: string[];
  };
  grid: {
    top: number;
    left: number;
    right: number;
    bottom: number;
    outerBoundsMode: 'same';
    outerBoundsContain: 'all';
  };
  xAxis: {
    type: 'category';
    name: string;
    nameLocation: 'middle';
    nameGap: number;
    axisLabel: { interval: number; rotate: number };
    data: string[];
  };
  yAxis: { type: 'value'; name: string; minInterval: number };
  textStyle: { fontFamily: string };
  animation: false;
  backgroundColor: string;
  series: Array<{
    name: string;
    type: 'bar';
    stack: 'total';
    itemStyle: { color: string };
    data: number[];
  }>;
};

/** Stacked bars, one series per label that has incidents; names in `lang`, never ids. */
export function statsChartOption(series: StatsSeries, lang: ChartLang): StatsChartOption {
  const names = series.lines.map((line) => labelName(series.by, line.key, lang));
  const rotated = series.buckets.length > 8;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: {
      text: statsTitle(series.by, series.bucket, lang),
      subtext: periodText(series, lang),
      left: 'center',
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 20, fontWeight: 'bold' },
      subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
    },
    // A vertical legend on the right: thirteen long cause names do not fit in rows above the bars.
    legend: {
      orient: 'vertical',
      top: 'middle',
      right: 16,
      itemGap: 8,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: LEGEND_FONT_SIZE },
      data: names,
    },
    // Axis labels and names are kept inside this rectangle (ECharts 6's successor of containLabel).
    grid: {
      top: 80,
      left: 24,
      right: legendWidth(names) + 40,
      bottom: 16,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    xAxis: {
      type: 'category',
      name: chartText(series.bucket === 'week' ? 'weekAxis' : 'monthAxis', lang),
      nameLocation: 'middle',
      nameGap: rotated ? 64 : 32,
      // Every bucket labelled up to MAX_AXIS_LABELS (a quarter's weeks, two years' months), so a reader
      // matches bars to the dates of the text reply; beyond, every k-th: 120 month labels at 960 px
      // overlap, and each label costs resvg ~50 ms of text shaping with the CJK font.
      axisLabel: { interval: labelInterval(series.buckets.length), rotate: rotated ? 40 : 0 },
      data: series.buckets,
    },
    yAxis: { type: 'value', name: chartText('countAxis', lang), minInterval: 1 },
    series: series.lines.map((line, i) => ({
      name: names[i] as string,
      type: 'bar',
      stack: 'total',
      itemStyle: {
        color:
          series.by === 'severity'
            ? hex(SEVERITY_COLOURS[line.key as Severity])
            : (CAUSE_PALETTE[i % CAUSE_PALETTE.length] as string),
      },
      data: line.counts,
    })),
  };
}

/** The most x-axis labels a chart draws; buckets beyond are labelled every k-th. */
export const MAX_AXIS_LABELS = 24;

/** ECharts' category label interval: 0 labels every bucket, k − 1 every k-th (the first included). */
export function labelInterval(buckets: number): number {
  return Math.max(0, Math.ceil(buckets / MAX_AXIS_LABELS) - 1);
}
