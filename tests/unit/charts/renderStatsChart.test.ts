import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_FILES,
  CHART_SIZE,
  renderStatsPng,
  renderStatsPngAsync,
  renderStatsSvg,
} from '../../../src/charts/renderStatsChart.js';
import {
  MAX_AXIS_LABELS,
  labelInterval,
  statsChartOption,
} from '../../../src/charts/statsChartOption.js';
import { statsSeries, type StatsSeries } from '../../../src/charts/statsSeries.js';
import { labelName, statsTextLines, type ChartLang } from '../../../src/charts/statsTexts.js';
import { quarterOfIncidents } from '../../fixtures/export/chartRecords.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a PNG must start with. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const byCause = statsSeries(quarterOfIncidents(), {
  by: 'cause',
  bucket: 'week',
  since: '2024-01-01',
  until: '2024-03-31',
});
const bySeverity = statsSeries(quarterOfIncidents(), {
  by: 'severity',
  bucket: 'month',
  since: '2024-01-01',
  until: '2024-03-31',
});

/** The reviewed pictures in docs/images are rewritten only on purpose: UPDATE_IMAGES=1. */
function keepForReview(name: string, png: Buffer) {
  if (process.env.UPDATE_IMAGES === '1')
    writeFileSync(new URL(`../../../docs/images/${name}`, import.meta.url), png);
}

describe('stats chart', () => {
  it('rasterises off the event loop for the bot: the same picture, and other work runs meanwhile', async () => {
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const png = await renderStatsPngAsync(byCause, 'ja');
    counting = false;
    // A synchronous render would hold the loop until it returned: no turn could run in between.
    expect(turns).toBeGreaterThan(0);
    expect(png.equals(renderStatsPng(byCause, 'ja'))).toBe(true);
  });

  it('loads its CJK font from the installed package, not from the system', () => {
    expect(CHART_FONT_FILES.every((file) => file.endsWith('.ttf') && existsSync(file))).toBe(true);
  });

  for (const [lang, series, name] of [
    ['ja', byCause, 'stats-by-cause-ja.png'],
    ['en', bySeverity, 'stats-by-severity-en.png'],
    ['en', byCause, 'stats-by-cause-en.png'],
    ['ja', bySeverity, 'stats-by-severity-ja.png'],
  ] as Array<[ChartLang, StatsSeries, string]>) {
    it(`renders a ${CHART_SIZE.width}×${CHART_SIZE.height} PNG by ${series.by} in ${lang}`, () => {
      const png = renderStatsPng(series, lang);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual(CHART_SIZE);
      // A blank or text-less picture compresses to a few kilobytes; a drawn chart does not.
      expect(png.length).toBeGreaterThan(15_000);
      if (name === 'stats-by-cause-ja.png' || name === 'stats-by-severity-en.png')
        keepForReview(name, png);
    });
  }

  it('draws exactly the numbers of the series, which are the numbers of the text reply', () => {
    for (const lang of ['ja', 'en'] as const) {
      const option = statsChartOption(byCause, lang);
      expect(option.xAxis.data).toEqual(byCause.buckets);
      expect(option.series.map((s) => [s.name, s.data])).toEqual(
        byCause.lines.map((l) => [labelName('cause', l.key, lang), l.counts]),
      );
      const text = statsTextLines(byCause, lang);
      for (const s of option.series) {
        const total = s.data.reduce((a, b) => a + b, 0);
        expect(text).toContain(`${s.name}: ${lang === 'ja' ? `${total}件` : total}`);
      }
      const stacked = option.xAxis.data.map((_, i) =>
        option.series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0),
      );
      expect(stacked).toEqual(byCause.bucketTotals);
    }
  });

  it('labels every bucket up to 24, and every k-th of a longer period (at most 24 labels)', () => {
    expect(labelInterval(13)).toBe(0);
    expect(labelInterval(24)).toBe(0);
    expect(labelInterval(25)).toBe(1);
    for (const n of [25, 48, 121, 520]) {
      const shown = Math.ceil(n / (labelInterval(n) + 1));
      expect(shown, String(n)).toBeLessThanOrEqual(MAX_AXIS_LABELS);
      expect(shown, String(n)).toBeGreaterThan(MAX_AXIS_LABELS / 2);
    }
    const months = Array.from(
      { length: 121 },
      (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const svg = renderStatsSvg(
      {
        ...byCause,
        buckets: months,
        lines: byCause.lines.map((l) => ({ ...l, counts: months.map(() => 1) })),
      },
      'ja',
    );
    const drawn = months.filter((m) => svg.includes(`>${m}<`));
    expect(drawn.length).toBeLessThanOrEqual(MAX_AXIS_LABELS);
    expect(drawn[0]).toBe(months[0]);
  });

  it('writes label names in the reader language into the picture, never ids', () => {
    const ja = renderStatsSvg(byCause, 'ja');
    expect(ja).toContain('ランサムウェア');
    expect(ja).toContain('原因別の事件数');
    expect(ja).not.toMatch(/>(ransomware|unauthorized_access|web_skimming)</);
    const en = renderStatsSvg(bySeverity, 'en');
    expect(en).toContain('Critical');
    expect(en).toContain('Incidents by severity');
  });
});
