/**
 * Feed trouble reaches people, end to end: an admin sets the notice channel with
 * `/feed notify`, the local blog fails poll after poll, and the channel gets exactly
 * one notice at the configured count (config/limits.json feedNotices.afterFailures)
 * and one recovery notice when the blog answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channel, subcommand } from '@jikenbo/discord-emulator';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

describe('feed trouble notices through the local Discord', () => {
  let stack: Stack;
  let afterFailures: number;
  const noticesIn = () => stack.emulator.messages(stack.demo.channel('soc')).map((m) => m.content);

  /** One tick with the blog failing; the backoff is skipped as if its time had passed. */
  const failingTick = async () => {
    stack.feed.failNext({ type: 'status', status: 503 });
    await stack.bot.pollOnce();
    const state = await stack.stores.feedState.get(stack.feed.feedUrl);
    await stack.stores.feedState.set({ ...state!, nextAttemptAt: null });
  };

  beforeAll(async () => {
    stack = await startStack({ entries: FIXTURE_ENTRIES.slice(0, 5) });
    afterFailures = stack.bot.core.limits.feedNotices.afterFailures;
    await stack.bot.pollOnce();
  });
  afterAll(() => stack.stop());

  it('lets only admins set the notice channel, and confirms in their language', async () => {
    const refused = await stack.command(
      'analyst',
      'general',
      'feed',
      subcommand('notify', [channel('channel', stack.demo.channel('soc'))]),
    );
    expect(refused.message?.content).toMatch(/Manage Server/);
    const reply = await stack.command(
      'admin',
      'general',
      'feed',
      subcommand('notify', [channel('channel', stack.demo.channel('soc'))]),
      'ja',
    );
    expect(reply.message?.content).toBe(
      `フィードの障害を <#${stack.demo.channel('soc')}> にお知らせします: ${afterFailures}回続けて失敗したときと、回復したときです。`,
    );
  });

  it('posts one notice when the failures reach the threshold, none before or after', async () => {
    for (let i = 1; i < afterFailures; i++) await failingTick();
    expect(noticesIn()).toEqual([]);
    await failingTick();
    expect(noticesIn()).toHaveLength(1);
    expect(noticesIn()[0]).toMatch(
      new RegExp(
        `^⚠️ フィード ${stack.feed.feedUrl} の取得が${afterFailures}回続けて失敗しています: .*503.*。次回の試行は<t:\\d+:R>です。$`,
      ),
    );
    await failingTick();
    await failingTick();
    expect(noticesIn()).toHaveLength(1);
  });

  it('posts one recovery notice when the feed works again', async () => {
    await stack.bot.pollOnce();
    await stack.bot.pollOnce();
    expect(noticesIn()).toHaveLength(2);
    expect(noticesIn()[1]).toBe(
      `✅ フィード ${stack.feed.feedUrl} の取得が回復しました(${afterFailures + 2}回続けて失敗した後)。`,
    );
  });
});
