/**
 * Digests and quiet hours through the real discord.js client and the emulator, with the bot's clock
 * injected: held alerts survive a restart on the same SQLite file and go out once, as digests within
 * Discord's limits; a critical alert passes quiet hours at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channel, str, subcommand } from '@jikenbo/discord-emulator';
import { embedChars } from '../../src/alerts/renderDigest.js';
import { renderIncidentEmbed, type EmbedJson } from '../../src/alerts/renderAlert.js';
import type { StoredPost } from '../../src/store/postStore.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const clock = { now: new Date() };
const NEW = FIXTURE_ENTRIES.slice(0, 25);

async function stackSubscribed(options: Array<ReturnType<typeof str>>): Promise<Stack> {
  const s = await startStack({
    store: 'sqlite',
    entries: FIXTURE_ENTRIES.slice(25, 60),
    now: () => clock.now,
  });
  await s.command(
    'admin',
    'general',
    'alerts',
    subcommand('subscribe', [
      channel('channel', s.demo.channel('incident-alerts')),
      str('min_severity', 'low'),
      ...options,
    ]),
  );
  await s.bot.pollOnce();
  await s.bot.deliverer.idle();
  return s;
}

async function publishNew(s: Stack): Promise<StoredPost[]> {
  s.feed.publish(...[...NEW].reverse());
  await s.bot.pollOnce();
  await s.bot.deliverer.idle();
  const ids = new Set(NEW.map((e) => e.id));
  return (await s.stores.posts.all()).filter(
    (r) =>
      ids.has(r.post.id) &&
      ['incident', 'incident_update'].includes(r.classification.kind) &&
      r.classification.severity !== 'info',
  );
}

const embedsIn = (s: Stack) =>
  s.emulator
    .messages(s.demo.channel('incident-alerts'))
    .map((m) => ({ content: m.content as string, embeds: m.embeds as EmbedJson[] }));

describe('digests and quiet hours end to end', () => {
  it('holds a digest across a restart and sends every held alert once, split within Discord\u2019s limits', async () => {
    clock.now = new Date('2026-12-01T10:00:00Z');
    stack = await stackSubscribed([
      str('delivery', 'digest'),
      str('digest_time', '09:00'),
      str('timezone', 'UTC'),
    ]);
    const expected = await publishNew(stack);
    expect(expected.length).toBeGreaterThan(10); // enough for more than one message
    expect(embedsIn(stack)).toEqual([]);
    const list = await stack.command('admin', 'general', 'alerts', subcommand('list', []));
    expect(JSON.stringify(list)).toContain(
      `a digest every day at 09:00 (UTC) · ${expected.length} alerts held`,
    );

    await stack.restart(async () => {
      clock.now = new Date('2026-12-02T09:00:00Z');
    });
    const pages = Math.ceil(expected.length / 10);
    await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), pages);
    await stack.bot.deliverer.idle();
    const messages = embedsIn(stack);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
      expect(m.content).toMatch(/^Digest: \d+ held alerts/);
    }
    const titles = messages.flatMap((m) => m.embeds.map((e) => e.title)).sort();
    expect(titles).toEqual(expected.map((r) => renderIncidentEmbed(r, 'en').title).sort());
    expect(await stack.stores.outbox.pending()).toEqual([]);

    // Another restart sends nothing again.
    await stack.restart();
    await stack.bot.deliverer.idle();
    expect(embedsIn(stack)).toHaveLength(messages.length);
  });

  it('lets a critical alert through quiet hours at once and releases the rest when they end', async () => {
    clock.now = new Date('2026-12-01T23:00:00Z');
    stack = await stackSubscribed([str('timezone', 'UTC'), str('quiet_hours', '22:00-07:00')]);
    const expected = await publishNew(stack);
    const critical = expected.filter((r) => r.classification.severity === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.length).toBeLessThan(expected.length);
    const atOnce = embedsIn(stack);
    expect(atOnce.map((m) => m.embeds[0]?.title).sort()).toEqual(
      critical.map((r) => renderIncidentEmbed(r, 'en').title).sort(),
    );

    clock.now = new Date('2026-12-02T07:00:00Z');
    stack.bot.deliverer.kick();
    await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), atOnce.length + 1);
    await stack.bot.deliverer.idle();
    const digest = embedsIn(stack).slice(atOnce.length);
    expect(digest[0]?.content).toMatch(/^Digest: /);
    const held = expected.filter((r) => r.classification.severity !== 'critical');
    expect(digest.flatMap((m) => m.embeds.map((e) => e.title)).sort()).toEqual(
      held.map((r) => renderIncidentEmbed(r, 'en').title).sort(),
    );
  });
});
