import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { backfillFeed } from '../../src/pipeline/backfill.js';
import { createClassifier } from '../../src/classify/classifyPost.js';
import { loadClassifierRules } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import { testLimits } from '../helpers/limits.js';
import { CONFIG_DIR } from '../helpers/paths.js';
import { OptionType, int, str, subcommand } from '@jikenbo/discord-emulator';
import { startStack, type Stack } from './stack.js';

type Embed = {
  title: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
};
const embedsOf = (reply: { message: Record<string, unknown> | null }) =>
  (reply.message?.embeds ?? []) as Embed[];

describe('incident lookups end to end', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ entries: FIXTURE_ENTRIES });
    await backfillFeed(stack.feed.feedUrl, {
      stores: stack.stores,
      classify: createClassifier(loadClassifierRules(CONFIG_DIR)),
      limits: testLimits(),
      now: () => new Date(),
      log: silentLogger(),
    });
  });
  afterAll(() => stack.stop());

  it('lists the latest incidents, newest first, within the count', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('latest', [int('count', 3)]),
    );
    const lines = embedsOf(reply)[0]?.description?.split('\n') ?? [];
    expect(lines).toHaveLength(3);
    expect(reply.ephemeral).toBe(false);
  });

  it('filters the latest by severity and cause', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('latest', [
        int('count', 10),
        str('min_severity', 'critical'),
        str('cause', 'web_skimming'),
      ]),
    );
    const lines = embedsOf(reply)[0]?.description?.split('\n') ?? [];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(/^\*\*\[Critical\]\*\* .*Payment page tampering/);
  });

  it('searches titles and organisations, width- and case-insensitively, within dates', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('search', [
        str('query', 'ＵＳＢ'),
        str('since', '2023-01-01'),
        str('until', '2024-12-31'),
      ]),
    );
    const embed = embedsOf(reply)[0];
    expect(embed?.title).toMatch(/^Incidents matching “ＵＳＢ” \(\d+\)$/);
    expect(embed?.description).toMatch(/紛失|Loss/);
  });

  it.each([
    [
      [str('query', 'x'), str('since', '2024-02-30')],
      '`2024-02-30` is not a date. Use YYYY-MM-DD, for example 2024-01-31.',
    ],
    [
      [str('query', 'x'), str('since', '2024-03-01'), str('until', '2024-01-01')],
      '`since` (2024-03-01) is after `until` (2024-01-01).',
    ],
  ])('explains a bad date range %#', async (options, message) => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('search', options),
    );
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.message?.content).toBe(message);
  });

  it('shows an incident by id with its full embed, in Japanese for ja users', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('show', [str('id', '2026-008')]),
      'ja',
    );
    const embed = embedsOf(reply)[0];
    expect(embed?.title).toContain('2026-008');
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      '組織',
      '原因',
      '重大度',
      '影響人数',
      '情報の種類',
      '公表日',
      '事件番号',
    ]);
    expect(embed?.fields?.[1]?.value).toBe('ドメイン再取得・乗っ取り');
    expect(embed?.footer?.text).toMatch(/^タイトルの「セキュリティ事件簿」 → インシデント · .+ → /);
  });

  it('says so when an incident id is unknown', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('show', [str('id', '1999-999')]),
    );
    expect(reply.message?.content).toContain('No stored incident matches `1999-999`');
  });

  it('autocompletes incident ids from stored incidents', async () => {
    const reply = await stack.emulator.autocomplete(
      {
        guildId: stack.demo.guild.id,
        channelId: stack.demo.channel('general'),
        userId: stack.demo.user('analyst'),
      },
      'incident',
      [
        {
          name: 'show',
          type: OptionType.SubCommand,
          options: [{ name: 'id', type: OptionType.String, value: '2026-01', focused: true }],
        },
      ],
    );
    expect(reply.type).toBe(8);
    expect(reply.choices.length).toBeGreaterThan(0);
    for (const choice of reply.choices) expect(String(choice.value)).toMatch(/^2026-01\d$/);
  });

  it('counts incidents by cause and severity over a period', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('stats', [int('days', 3650)]),
    );
    const total = Number(/: (\d+)$/.exec(String(reply.message?.content ?? ''))?.[1]);
    const sum = (embed: number) =>
      (embedsOf(reply)[embed]?.description?.split('\n') ?? []).reduce(
        (s, l) => s + Number(/: (\d+)$/.exec(l)?.[1] ?? 0),
        0,
      );
    // The test blog's 66 entries hold 48 incidents (its three travel notes are off-topic).
    expect(total).toBeGreaterThan(40);
    expect(sum(0)).toBe(total);
    expect(sum(1)).toBe(total);
  });

  it('reports each feed\u2019s status to admins', async () => {
    await stack.bot.pollOnce();
    const reply = await stack.command('admin', 'general', 'feed', subcommand('status'));
    const field = embedsOf(reply)[0]?.fields?.[0];
    expect(field?.name).toBe(stack.feed.feedUrl);
    expect(field?.value).toMatch(
      /^Last poll <t:\d+:R>: (new posts|no new posts|unchanged since the last poll)\. /,
    );
    expect(field?.value).toContain(
      `Next poll on the regular schedule. Failures in a row: 0. Posts stored: ${FIXTURE_ENTRIES.length}.`,
    );
  });

  it('shows help in the user\u2019s language', async () => {
    const reply = await stack.command('analyst', 'general', 'help', [], 'ja');
    expect(embedsOf(reply)[0]?.title).toBe('jikenbo — セキュリティ事件簿の通知');
  });
});
