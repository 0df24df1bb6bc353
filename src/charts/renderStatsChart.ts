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
import { subsetFontFiles } from './chartFonts.js';

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

/** resvg's options with `fontFiles` as the only fonts (system fonts off). */
function rasterOptions(fontFiles: readonly string[]): ResvgRenderOptions {
  return {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: {
      fontFiles: [...fontFiles],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  };
}

/**
 * The chart as PNG bytes, `size` pixels, shaped against the whole font files and blocking the
 * thread (seconds for a long period): the reference picture the subset rendering must equal.
 */
export function renderStatsPng(
  series: StatsSeries,
  lang: ChartLang,
  size: { width: number; height: number } = CHART_SIZE,
): Buffer {
  return new Resvg(renderStatsSvg(series, lang, size), rasterOptions(CHART_FONT_FILES))
    .render()
    .asPng();
}

/**
 * The chart as PNG bytes: shaped against a subset of the font (src/charts/chartFonts.ts) and
 * rasterised on libuv's thread pool, so a chart costs tens of milliseconds and never stalls the
 * bot's event loop (gateway heartbeats, other interactions' 3 s deadlines).
 */
export async function renderStatsPngAsync(
  series: StatsSeries,
  lang: ChartLang,
  size: { width: number; height: number } = CHART_SIZE,
): Promise<Buffer> {
  const svg = renderStatsSvg(series, lang, size);
  const fonts = await subsetFontFiles(CHART_FONT_FILES, svg);
  const image = await renderAsync(svg, rasterOptions(fonts));
  return image.asPng();
}

/** How a chart is rasterised (async, so the bot's path never blocks on it). */
export type RenderChart = (series: StatsSeries, lang: ChartLang) => Promise<Buffer>;
