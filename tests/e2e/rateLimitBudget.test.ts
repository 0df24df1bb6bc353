/**
 * Issue 9 pt 7: a route answering 429 with a 0.1 s reset drew 34 requests/s,
 * all refused (Discord bans at 10,000 invalid requests in 10 minutes). Now each
 * 429 in a row doubles the route's wait, and above the invalid-request budget
 * the publisher sends nothing at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { addDemoGuild, DiscordEmulator } from '@jikenbo/discord-emulator';
import { DiscordPublisher } from '../../src/discord/discordPublisher.js';
import {
  countInvalidRequests,
  InvalidRequestBudget,
  RouteBackoff,
} from '../../src/discord/requestBudget.js';
import { PublishError } from '../../src/alerts/publisher.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

let stack: Stack | undefined;
let emulator: DiscordEmulator | undefined;
afterEach(async () => {
  await stack?.stop();
  await emulator?.stop();
  stack = emulator = undefined;
});

describe('a route answering 429 with a 0.1 s reset', () => {
  it('is retried after growing waits (≥ 1 s, then ≥ 2 s), not at every reset', async () => {
    stack = await startStack({
      entries: FIXTURE_ENTRIES.slice(10, 40),
      // Every message POST is refused with a 0.1 s reset, as a misbehaving route would.
      rateLimits: {
        enabled: true,
        globalPerSecond: 50,
        messagesPerChannel: { limit: 0, windowMs: 100 },
      },
    });
    await subscribeDemoChannels(stack);
    await stack.bot.pollOnce();
    const alerts = stack.demo.channel('incident-alerts');
    stack.feed.publish(
      ...FIXTURE_ENTRIES.slice(0, 10)
        .filter((e) => e.xml.includes('セキュリティ事件簿'))
        .slice(0, 1),
    );
    await stack.bot.pollOnce();
    const posts = () =>
      stack!.emulator.requests.filter(
        (r) => r.method === 'POST' && r.path === `/channels/${alerts}/messages`,
      );
    await stack.emulator.until(() => posts().length >= 3, '3 requests to the refused route');
    const [a, b, c] = posts().map((r) => r.at) as [number, number, number];
    expect(posts().every((r) => r.status === 429)).toBe(true);
    // Lower bounds only: a slow machine makes the gaps longer, never shorter.
    expect(b - a).toBeGreaterThanOrEqual(950);
    expect(c - b).toBeGreaterThanOrEqual(1950);
  });
});

describe('the invalid-request budget', () => {
  it('counts 401/403/429 answers of the real REST client and then sends no delivery at all', async () => {
    emulator = await new DiscordEmulator().start();
    const demo = addDemoGuild(emulator.world);
    const rest = new REST({ api: emulator.apiUrl }).setToken(emulator.token);
    const budget = new InvalidRequestBudget({ limit: 3, windowMs: 600_000 });
    countInvalidRequests(rest, budget);
    const publisher = new DiscordPublisher(rest, {
      budget,
      backoff: new RouteBackoff({ baseSeconds: 1, maxSeconds: 60 }),
    });
    const message = {
      content: 'x',
      embeds: [],
      allowed_mentions: { parse: [] as never[], roles: [] },
    };
    const general = demo.channel('general');
    emulator.injectFault({
      path: `/channels/${general}/messages`,
      times: 3,
      fault: { status: 403, code: 50013 },
    });
    for (const nonce of ['a', 'b', 'c'])
      await expect(publisher.publish(general, message, nonce)).rejects.toMatchObject({
        failure: 'forbidden',
      });
    expect(budget.count()).toBe(3);
    const before = emulator.requests.length;
    const paused = await publisher
      .publish(demo.channel('incident-alerts'), message, 'd')
      .catch((e: unknown) => e);
    expect(paused).toBeInstanceOf(PublishError);
    expect(paused).toMatchObject({ failure: 'paused' });
    expect((paused as PublishError).retryAfterSeconds).toBeGreaterThan(590);
    expect(emulator.requests.length).toBe(before);
  });
});
