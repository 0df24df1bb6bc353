import { describe, expect, it } from 'vitest';
import { CHART_SIZE } from '../../../src/charts/renderStatsChart.js';
import { buildStatsReply } from '../../../src/charts/statsReply.js';
import { labelName } from '../../../src/charts/statsTexts.js';
import { quarterOfIncidents } from '../../fixtures/export/chartRecords.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const NOW = new Date('2024-03-31T12:00:00Z');

/** The number after each "name: " line of an embed's text, by name. */
function numbersIn(text: string): Map<string, number> {
  return new Map(
    text.split('\n').map((line) => {
      const [name, count] = line.split(': ') as [string, string];
      return [name, Number(count.replace(/[件,]/g, ''))];
    }),
  );
}

describe('the /incident stats reply', () => {
  it.each(['ja', 'en'] as const)(
    'attaches a PNG chart per dimension at the chart size, referenced by its embed (%s)',
    async (lang) => {
      const reply = await buildStatsReply(quarterOfIncidents(), { days: 90, now: NOW, lang });
      expect(reply.files.map((f) => f.name)).toEqual([
        `stats-by-cause-${lang}.png`,
        `stats-by-severity-${lang}.png`,
      ]);
      for (const file of reply.files) {
        expect(file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        expect(file.data.subarray(12, 16).toString('ascii')).toBe('IHDR');
        expect({ width: file.data.readUInt32BE(16), height: file.data.readUInt32BE(20) }).toEqual(
          CHART_SIZE,
        );
      }
      expect(reply.embeds.map((e) => e.image?.url)).toEqual(
        reply.files.map((f) => `attachment://${f.name}`),
      );
    },
  );

  it('writes in the text exactly the numbers the charts draw, under the reader’s names', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const reply = await buildStatsReply(quarterOfIncidents(), { days: 90, now: NOW, lang });
      const [byCause, bySeverity] = reply.embeds;
      for (const [embed, series] of [
        [byCause, reply.series.cause],
        [bySeverity, reply.series.severity],
      ] as const) {
        const expected = new Map(
          series.lines.map((l) => [labelName(series.by, l.key, lang), l.total]),
        );
        expect(numbersIn(embed!.description)).toEqual(expected);
        expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(series.total);
      }
      expect(reply.total).toBe(reply.series.severity.total);
      expect(reply.total).toBeGreaterThan(0);
    }
  });

  it('attaches nothing and says so when the period holds no incident', async () => {
    const reply = await buildStatsReply(quarterOfIncidents(), {
      days: 7,
      now: new Date('2030-01-01T00:00:00Z'),
      lang: 'en',
      render: () => Promise.reject(new Error('no chart for an empty period')),
    });
    expect(reply.files).toEqual([]);
    expect(reply.embeds.map((e) => e.description)).toEqual(['—', '—']);
  });
});
