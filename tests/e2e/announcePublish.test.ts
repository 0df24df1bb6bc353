/**
 * Announcement channels with `publish: on`, through the real discord.js client and the emulator:
 * alerts there are published (crossposted); with Discord's publish limit at 2 per window, the 3rd
 * alert is sent at once but its publish waits and is done after the window, across a restart on
 * the same SQLite file, with no publish lost and none done twice. `publish: on` elsewhere is
 * refused in words, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channel, Permission, str, subcommand } from '@jikenbo/discord-emulator';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { FAST_LIMITS, startStack, type Stack } from './stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** Discord's publish window; the bot's and the emulator's clocks jump past it during a restart. */
const WINDOW_MS = 3_600_000;
const clock = { offsetMs: 0 };
const shifted = () => Date.now() + clock.offsetMs;

const crossposts = (s: Stack, status: number) =>
  s.emulator.requests.filter((r) => r.path.endsWith('/crosspost') && r.status === status);

/** Publishes new posts one at a time until `count` alerts are in the announcement channel. */
async function alertsUntil(s: Stack, count: number): Promise<void> {
  const announcements = s.demo.channel('announcements');
  for (const entry of FIXTURE_ENTRIES.slice(0, 25)) {
    if (s.emulator.messages(announcements).length >= count) return;
    s.feed.publish(entry);
    await s.bot.pollOnce();
    await s.bot.deliverer.idle();
  }
  throw new Error(`fewer than ${count} alerts in the fixture posts`);
}

/**
 * A SQLite stack whose #announcements publishes, with Discord's publish limit at 2 per hour, and
 * three alerts sent there: the first two published, the third's publish waiting.
 */
async function threeAlertsPublishing(): Promise<Stack> {
  const s = await startStack({
    store: 'sqlite',
    entries: FIXTURE_ENTRIES.slice(25, 40),
    rateLimits: { ...FAST_LIMITS, crosspostsPerChannel: { limit: 2, windowMs: WINDOW_MS } },
    now: () => new Date(shifted()),
    rateLimitClock: shifted,
  });
  const announcements = s.demo.channel('announcements');
  const reply = await s.command(
    'admin',
    'general',
    'alerts',
    subcommand('subscribe', [
      channel('channel', announcements),
      str('min_severity', 'info'),
      str('publish', 'on'),
    ]),
  );
  expect(JSON.stringify(reply)).toContain('each alert published to the following servers');
  await s.bot.pollOnce(); // the feed's history: stored, not alerted

  await alertsUntil(s, 3);
  await s.bot.core.crossposter?.idle();
  return s;
}

describe('announcement channels with publish: on', () => {
  it('publishes each alert, holds the 3rd publish past Discord’s limit of 2, and does it once after the window across a restart', async () => {
    stack = await threeAlertsPublishing();
    const announcements = stack.demo.channel('announcements');
    const sent = stack.emulator.messages(announcements);
    // All three alerts were sent at once; the first two are published, the third waits.
    expect(sent).toHaveLength(3);
    expect(sent.map((m) => (m.flags as number) & 1)).toEqual([1, 1, 0]);
    // Its publish waits in the store (Discord answered, or discord.js's bucket said, 429).
    expect(await stack.stores.crossposts.nextDue()).not.toBeNull();
    expect(crossposts(stack, 200)).toHaveLength(2);

    // Down over the hour: the waiting publish must come back from the store, due now.
    await stack.restart(async () => {
      clock.offsetMs += WINDOW_MS;
    });
    await stack.emulator.until(
      () => ((stack!.emulator.messages(announcements)[2]?.flags as number) & 1) === 1,
      'the third alert published',
    );
    expect(stack.emulator.messages(announcements)).toHaveLength(3);
    expect(crossposts(stack, 200)).toHaveLength(3);
    // Nothing published twice: Discord never had to say "already crossposted".
    expect(crossposts(stack, 400)).toHaveLength(0);
  });

  it('gives a publish up when the bot lost the permission, and /alerts list says so in words', async () => {
    stack = await threeAlertsPublishing();
    const announcements = stack.demo.channel('announcements');
    stack.emulator.world.channel(announcements)!.channel.permission_overwrites.push({
      id: stack.emulator.world.botUser.id,
      type: 1,
      allow: '0',
      deny: String(Permission.SendMessages),
    });
    await stack.restart(async () => {
      clock.offsetMs += WINDOW_MS;
    });
    await stack.emulator.until(() => crossposts(stack!, 403).length === 1, 'a refused publish');
    await stack.bot.core.crossposter?.idle();
    expect(await stack.stores.crossposts.nextDue()).toBeNull();
    const en = JSON.stringify(
      await stack.command('admin', 'general', 'alerts', subcommand('list')),
    );
    expect(en).toContain('the bot may not publish in this channel');
    const ja = JSON.stringify(
      await stack.command('admin', 'general', 'alerts', subcommand('list'), 'ja'),
    );
    expect(ja).toContain('公開の権限がありません');
  });

  it('refuses publish: on in a text channel, saying why in English and Japanese', async () => {
    stack = await startStack();
    const options = subcommand('subscribe', [
      channel('channel', stack.demo.channel('incident-alerts')),
      str('publish', 'on'),
    ]);
    const en = JSON.stringify(await stack.command('admin', 'general', 'alerts', options));
    expect(en).toContain('works only in announcement channels');
    const ja = JSON.stringify(await stack.command('admin', 'general', 'alerts', options, 'ja'));
    expect(ja).toContain('アナウンスチャンネルでのみ使えます');
    expect((await stack.stores.guilds.get(stack.demo.guild.id))?.subscriptions ?? []).toEqual([]);
  });
});
