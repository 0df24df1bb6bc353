import { describe, expect, it } from 'vitest';
import { CommandInputError } from '../../../src/cli/exportCommand.js';
import { parseStatsOptions, runStats } from '../../../src/cli/statsCommand.js';
import { CHART_SIZE } from '../../../src/charts/renderStatsChart.js';
import { quarterOfIncidents } from '../../fixtures/export/chartRecords.js';

const NOW = new Date('2024-03-31T12:00:00.000Z');

async function* streamed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('jikenbo stats', () => {
  it('checks its options and picks weeks for short periods, months for long ones', () => {
    expect(parseStatsOptions({})).toEqual({
      days: 90,
      by: 'cause',
      bucket: 'week',
      lang: 'en',
      png: undefined,
    });
    expect(
      parseStatsOptions({ days: '365', by: 'severity', lang: 'ja', png: 'x.png' }),
    ).toMatchObject({
      days: 365,
      by: 'severity',
      bucket: 'month',
      lang: 'ja',
      png: 'x.png',
    });
    expect(() => parseStatsOptions({ days: '0' })).toThrow(CommandInputError);
    expect(() => parseStatsOptions({ days: 'ten' })).toThrow(/--days/);
    expect(() => parseStatsOptions({ by: 'kind' })).toThrow(/--by expects one of cause, severity/);
    expect(() => parseStatsOptions({ lang: 'fr' })).toThrow(/--lang/);
  });

  it('prints the numbers and writes the PNG of the same series', async () => {
    const lines: string[] = [];
    const written: Array<[string, Buffer]> = [];
    const code = await runStats(
      { days: 60, by: 'severity', bucket: 'month', lang: 'ja', png: 'out.png' },
      {
        records: streamed(quarterOfIncidents()),
        now: () => NOW,
        writePng: async (path, png) => void written.push([path, png]),
      },
      { out: (line) => lines.push(line), colour: false },
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe('重大度別の事件数(月ごと) 2024-01-31〜2024-03-31');
    // 2024-01-31 … 2024-03-31 holds the fixture's incidents 20 to 59: 40 of them.
    expect(lines[1]).toBe('合計: 40件');
    expect(lines.at(-1)).toBe('グラフを out.png に保存しました');
    expect(written).toHaveLength(1);
    const [path, png] = written[0]!;
    expect(path).toBe('out.png');
    expect(png.readUInt32BE(16)).toBe(CHART_SIZE.width);
    expect(png.readUInt32BE(20)).toBe(CHART_SIZE.height);
  });

  it('prints only the numbers without --png', async () => {
    const lines: string[] = [];
    await runStats(
      { days: 7, by: 'cause', bucket: 'week', lang: 'en' },
      { records: quarterOfIncidents(), now: () => NOW },
      { out: (line) => lines.push(line), colour: false },
    );
    expect(lines[0]).toBe('Incidents by cause, per week 2024-03-24 – 2024-03-31');
    expect(lines[1]).toMatch(/^Total: \d+$/);
    expect(lines.some((line) => line.startsWith('Chart'))).toBe(false);
  });
});
