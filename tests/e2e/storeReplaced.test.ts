/**
 * The bot on a store wiped while it was down (issue 9.3): polling pauses, commands still answer,
 * and `/feed status` tells the admin why, in their language.
 */
import { rmSync } from 'node:fs';
import { subcommand, type Reply } from '@jikenbo/discord-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const descriptionOf = (reply: Reply) =>
  (reply.message?.embeds as Array<{ description?: string }> | undefined)?.[0]?.description;

describe('a SQLite store deleted while the bot was down', () => {
  it('pauses polling, and /feed status says why while commands keep answering', async () => {
    const s = (stack = await startStack({
      store: 'sqlite',
      entries: FIXTURE_ENTRIES.slice(0, 10),
    }));
    await s.bot.pollOnce();
    const before = await s.command('admin', 'general', 'feed', subcommand('status'));
    expect(descriptionOf(before)).toBeUndefined();

    await s.restart(undefined, async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${s.storeFile}${suffix}`, { force: true });
    });
    const requests = s.feed.requests.length;
    expect(await s.bot.pollOnce()).toEqual([]);
    expect(s.feed.requests.length).toBe(requests);

    const en = await s.command('admin', 'general', 'feed', subcommand('status'));
    expect(descriptionOf(en)).toMatch(/^Polling is paused: the store is not the one used before/);
    expect(descriptionOf(en)).toContain('ACCEPT_NEW_STORE=true');
    const ja = await s.command('admin', 'general', 'feed', subcommand('status'), 'ja');
    expect(descriptionOf(ja)).toMatch(/^取得を一時停止しています/);
    const help = await s.command('analyst', 'general', 'help');
    expect(help.message?.embeds).toBeTruthy();
  });
});
