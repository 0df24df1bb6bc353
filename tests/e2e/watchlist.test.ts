/** Watchlists through the real discord.js client: a supplier named only in a post's body is caught. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channel, role, str, subcommand } from '@jikenbo/discord-emulator';
import { makeAtomEntry, type FixtureEntry } from '@jikenbo/feed-server';
import { STORY_OTHER } from '../fixtures/storyPosts.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

type Message = {
  content: string;
  embeds: Array<{ title: string; description?: string }>;
  allowed_mentions: { parse: string[]; roles: string[] } | null;
};

/** A post of our own writing whose organisation is another company: the supplier is only in the body. */
const SUPPLIER_IN_BODY: FixtureEntry = (() => {
  const id = 'tag:supplier-in-body';
  const published = '2025-05-01T00:00:00Z';
  const title = '【セキュリティ事件簿#2025-150】株式会社ミナトテック　不正アクセスに関するお知らせ';
  const html =
    '<p>株式会社ミナトテックは、業務委託先であるサクラ物流株式会社のサーバーが第三者による不正アクセスを受け、当社のお客様情報300件が閲覧された可能性があると発表しました。</p>';
  return { id, published, xml: makeAtomEntry({ id, title, html, published }) };
})();

describe('watchlists end to end', () => {
  let stack: Stack;
  const messagesIn = (name: string) =>
    stack.emulator.world.messagesIn(stack.demo.channel(name)) as unknown as Message[];

  beforeAll(async () => {
    stack = await startStack({ entries: [STORY_OTHER] });
    await subscribeDemoChannels(stack);
    await stack.bot.pollOnce();
  });
  afterAll(() => stack.stop());

  it('adds, lists and tests a watched name', async () => {
    const added = await stack.command(
      'admin',
      'general',
      'watch',
      subcommand('add', [
        str('name', 'サクラ物流 株式会社'),
        channel('channel', stack.demo.channel('critical')),
        role('mention_role', stack.demo.role('Security Team')),
      ]),
    );
    expect(added.message?.content).toContain('Watching **サクラ物流 株式会社**');
    const listed = await stack.command('admin', 'general', 'watch', subcommand('list'));
    const list = (listed.message?.embeds as Message['embeds'])[0];
    expect(list?.title).toBe('Watched names (1/200)');
    expect(list?.description).toContain(`<#${stack.demo.channel('critical')}>`);
  });

  it('refuses /watch to members without Manage Server', async () => {
    const reply = await stack.command('analyst', 'general', 'watch', subcommand('list'));
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.message?.content).toBe('You need the Manage Server permission for this command.');
  });

  it('alerts a post naming the supplier only in its body to the watch channel, pinging its role, once', async () => {
    stack.feed.publish(SUPPLIER_IN_BODY);
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    const inCritical = messagesIn('critical');
    expect(inCritical).toHaveLength(1);
    const roleId = stack.demo.role('Security Team');
    expect(inCritical[0]?.content).toBe(`<@&${roleId}>`);
    expect(inCritical[0]?.allowed_mentions).toEqual({ parse: [], roles: [roleId] });
    expect(inCritical[0]?.embeds[0]?.description).toContain('監視一致: サクラ物流 株式会社 (本文)');
    // The other subscribed channel alerts it by its own filter, without the watch's ping.
    const inAlerts = messagesIn('incident-alerts').filter((m) =>
      m.embeds[0]?.title.includes('2025-150'),
    );
    expect(inAlerts).toHaveLength(1);
    expect(inAlerts[0]?.content ?? '').toBe('');
  });

  it('shows what /watch test would have caught, and where', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'watch',
      subcommand('test', [str('name', 'サクラ物流')]),
    );
    const embed = (reply.message?.embeds as Message['embeds'])[0];
    expect(embed?.title).toMatch(/“サクラ物流” would have caught 1 of the last \d+ posts/);
    expect(embed?.description).toContain('named in the body');
  });
});
