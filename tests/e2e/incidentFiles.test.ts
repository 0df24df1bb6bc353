/**
 * `/incident stats` and `/incident export` through the real client and the local Discord:
 * the files a user would download are checked (a PNG of the chart's size; an export with
 * every incident), and the export is for admins only and falls back to the CLI when too large.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int, str, subcommand, type Reply } from '@jikenbo/discord-emulator';
import { CHART_SIZE } from '../../src/charts/renderStatsChart.js';
import { buildStatsReply } from '../../src/charts/statsReply.js';
import { isIncident } from '../../src/incidents/lookups.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

type Attachment = { filename: string; size: number; content_type: string; data_base64: string };
type Embed = { title: string; description: string; image?: { url: string } };
const attachmentsOf = (reply: Reply) => (reply.message?.attachments ?? []) as Attachment[];
const bytesOf = (a: Attachment) => Buffer.from(a.data_base64, 'base64');

describe('/incident stats and export with files', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ entries: FIXTURE_ENTRIES });
    await stack.bot.pollOnce();
  });
  afterAll(() => stack.stop());

  it('attaches the two charts as PNGs of the chart size, with the same numbers in the text', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('stats', [int('days', 3650)]),
      'ja',
    );
    const files = attachmentsOf(reply);
    expect(files.map((f) => f.filename)).toEqual([
      'stats-by-cause-ja.png',
      'stats-by-severity-ja.png',
    ]);
    for (const file of files) {
      const png = bytesOf(file);
      expect(png.length).toBe(file.size);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(CHART_SIZE);
    }
    // The text of the reply is what the same series says, computed here from the stored posts.
    const expected = await buildStatsReply(await stack.stores.posts.all(), {
      days: 3650,
      now: new Date(),
      lang: 'ja',
      render: () => Promise.resolve(Buffer.alloc(0)),
    });
    const embeds = reply.message?.embeds as Embed[];
    expect(embeds.map((e) => e.description)).toEqual(expected.embeds.map((e) => e.description));
    expect(embeds.map((e) => e.image?.url)).toEqual(files.map((f) => `attachment://${f.filename}`));
    expect(reply.message?.content).toContain(`${expected.total}件`);
  });

  it('exports every stored incident as a CSV file for admins', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'incident',
      subcommand('export', [str('format', 'csv')]),
    );
    const [file] = attachmentsOf(reply);
    expect(reply.ephemeral).toBe(true);
    expect(file?.filename).toMatch(/^jikenbo-incidents-start-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = bytesOf(file!).toString('utf8');
    const incidents = (await stack.stores.posts.all()).filter(isIncident);
    expect(csv.trim().split('\r\n')).toHaveLength(incidents.length + 1);
    expect(reply.message?.content).toBe(`${incidents.length} incidents as CSV, attached.`);
  });

  it('says how to run the export on the host when it would not fit the upload limit', async () => {
    // The limits object the commands read: a tiny upload limit for this one export.
    const attachments = stack.bot.core.limits.attachments;
    const saved = attachments.maxBytes;
    attachments.maxBytes = 2048;
    try {
      const reply = await stack.command(
        'admin',
        'general',
        'incident',
        subcommand('export', [str('format', 'stix'), str('since', '2024-01-01')]),
        'ja',
      );
      expect(attachmentsOf(reply)).toEqual([]);
      expect(reply.message?.content).toBe(
        'エクスポートが返信に添付できる 2 KiB を超えます。ボットのホストで次を実行してください: `jikenbo export --format stix --since 2024-01-01 --out incidents.stix.json`',
      );
    } finally {
      attachments.maxBytes = saved;
    }
  });

  it('refuses the export to members without Manage Server', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('export', [str('format', 'jsonl')]),
    );
    expect(attachmentsOf(reply)).toEqual([]);
    expect(reply.message?.content).toBe('You need the Manage Server permission for this command.');
  });
});
