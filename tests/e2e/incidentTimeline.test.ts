/** /incident show, through the real discord.js client: an update shows its incident's timeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { str, subcommand } from '@jikenbo/discord-emulator';
import { STORY_FIRST, STORY_OTHER, STORY_UPDATE } from '../fixtures/storyPosts.js';
import { startStack, type Stack } from './stack.js';

type Embed = { title: string; description?: string };

describe('incident timeline end to end', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ entries: [STORY_FIRST, STORY_OTHER] });
    await stack.bot.pollOnce();
    stack.feed.publish(STORY_UPDATE);
    await stack.bot.pollOnce();
  });
  afterAll(() => stack.stop());

  it('shows the first report and the update with what changed, in Japanese', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('show', [str('id', '2025-140')]),
      'ja',
    );
    const embeds = (reply.message?.embeds ?? []) as Embed[];
    expect(embeds[0]?.title).toContain('2025-140');
    const timeline = embeds.find((e) => e.title.startsWith('経過'));
    expect(timeline?.title).toBe('経過: 株式会社ミナトテック');
    const lines = timeline?.description?.split('\n') ?? [];
    expect(lines[0]).toMatch(/^\*\*2025-03-04\*\* 第一報 — \[株式会社ミナトテック/);
    expect(lines[1]).toMatch(/^\*\*2025-04-20\*\* 続報 — /);
    expect(timeline?.description).toContain('影響人数 2,850 → 35,650名');
    expect(timeline?.description).toContain('関連付けの理由');
    expect(timeline?.description).not.toContain('ミナトフーズ');
  });

  it('shows no timeline for an incident nothing continues', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('show', [str('id', '2025-102')]),
    );
    const embeds = (reply.message?.embeds ?? []) as Embed[];
    expect(embeds).toHaveLength(1);
    expect(embeds[0]?.title).toContain('2025-102');
  });
});
