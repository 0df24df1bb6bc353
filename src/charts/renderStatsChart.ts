/** Draws the stats chart as a PNG: ECharts renders SVG on the server, resvg turns it into pixels. */
import { createRequire } from 'node:module';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_FONT_FAMILY, CHART_SIZE, statsChartOption } from './statsChartOption.js';
import type { StatsSeries } from './statsSeries.js';
import type { ChartLang } from './statsTexts.js';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export { CHART_SIZE };

const require = createRequire(import.meta.url);

/**
 * The font files, loaded explicitly and with system fonts off, so the picture is the same on
 * every machine and Japanese never falls back to missing-glyph boxes. resvg reads TTF/OTF,
 * not the WOFF2 that web-font packages ship, hence the Google Fonts TTFs of this package.
 */
export const CHART_FONT_FILES: readonly string[] = [
  require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
];

/** The chart as an SVG document (pure: no fonts needed until it is rasterised). */
export function renderStatsSvg(
  series: StatsSeries,
  lang: ChartLang,
  size: { width: number; height: number } = CHART_SIZE,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(statsChartOption(series, lang));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const RASTER_OPTIONS: ResvgRenderOptions = {
  background: '#ffffff',
  fitTo: { mode: 'original' },
  font: {
    fontFiles: [...CHART_FONT_FILES],
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
  },
};

/** The chart as PNG bytes, `size` pixels (blocks the thread: for the command line). */
export function renderStatsPng(
  series: StatsSeries,
  lang: ChartLang,
  size: { width: number; height: number } = CHART_SIZE,
): Buffer {
  return new Resvg(renderStatsSvg(series, lang, size), RASTER_OPTIONS).render().asPng();
}

/**
 * The chart as PNG bytes, rasterised on libuv's thread pool: text shaping of a long period takes
 * about a second per chart, which must not stall the bot's event loop (gateway heartbeats, other
 * interactions' 3 s deadlines).
 */
export async function renderStatsPngAsync(
  series: StatsSeries,
  lang: ChartLang,
  size: { width: number; height: number } = CHART_SIZE,
): Promise<Buffer> {
  const image = await renderAsync(renderStatsSvg(series, lang, size), RASTER_OPTIONS);
  return image.asPng();
}

/** How a chart is rasterised (async, so the bot's path never blocks on it). */
export type RenderChart = (series: StatsSeries, lang: ChartLang) => Promise<Buffer>;
