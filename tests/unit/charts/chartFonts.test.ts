/**
 * The chart font subset: a picture drawn with it equals the picture drawn with the whole font, also
 * for a character outside the charts' own words (the subset widens once), and the same files serve
 * every picture whose characters it holds.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { subsetFontFiles } from '../../../src/charts/chartFonts.js';
import { CHART_FONT_FILES } from '../../../src/charts/renderStatsChart.js';

const svgWith = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40"><text x="4" y="28" style="font-size:20px;font-family:Noto Sans JP;font-weight:bold">${text}</text></svg>`;

const png = (svg: string, fontFiles: readonly string[]) =>
  new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'Noto Sans JP' },
  })
    .render()
    .asPng();

describe('subsetFontFiles', () => {
  it('draws the charts’ words and any other character exactly as the whole font does', async () => {
    const words = svgWith('ランサムウェア 2024-09');
    const first = await subsetFontFiles(CHART_FONT_FILES, words);
    expect(png(words, first).equals(png(words, CHART_FONT_FILES))).toBe(true);
    expect(await subsetFontFiles(CHART_FONT_FILES, svgWith('重大度 緊急'))).toBe(first);

    // 鬱 is in no chart text: the subset widens to hold it, and keeps what it held.
    const rare = svgWith('鬱 ランサムウェア');
    const wider = await subsetFontFiles(CHART_FONT_FILES, rare);
    expect(wider).not.toEqual(first);
    expect(png(rare, wider).equals(png(rare, CHART_FONT_FILES))).toBe(true);
    expect(png(words, wider).equals(png(words, CHART_FONT_FILES))).toBe(true);
  });
});
