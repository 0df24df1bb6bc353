import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { channel, str, subcommand } from '@jikenbo/discord-emulator';
import { startStack, type Stack } from './stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

async function subscribed(
  channels: string[],
  options: Parameters<typeof startStack>[0] = {},
): Promise<Stack> {
  const s = await startStack({ entries: FIXTURE_ENTRIES.slice(10, 40), ...options });
  for (const name of channels) {
    await s.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', s.demo.channel(name)),
        str('min_severity', 'low'),
      ]),
    );
  }
  await s.bot.pollOnce();
  return s;
}

/** Publishes `n` new incidents (all at least low) and polls once. */
async function publish(s: Stack, n: number): Promise<void> {
  s.feed.publish(
    ...FIXTURE_ENTRIES.slice(0, 10)
      .filter((e) => e.xml.includes('セキュリティ事件簿'))
      .slice(0, n)
      .reverse(),
  );
  await s.bot.pollOnce();
}

const ids = (s: Stack, name: string) =>
  s.emulator
    .messages(s.demo.channel(name))
    .map((m) => (m.embeds as Array<{ title: string }>)[0]?.title);

describe('delivery end to end', () => {
  it('retries a 429 from Discord and delivers once', async () => {
    stack = await subscribed(['incident-alerts']);
    stack.emulator.injectFault({
      method: 'POST',
      path: '/messages',
      times: 2,
      fault: { status: 429, retryAfterSeconds: 0.05 },
    });
    await publish(stack, 3);
    const messages = await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 3);
    expect(new Set(ids(stack, 'incident-alerts')).size).toBe(3);
    expect(messages).toHaveLength(3);
    expect(stack.emulator.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('keeps under real rate limits: a per-channel bucket of 2 per 300 ms is waited out, nothing lost', async () => {
    stack = await subscribed(['incident-alerts'], {
      rateLimits: {
        enabled: true,
        globalPerSecond: 50,
        messagesPerChannel: { limit: 2, windowMs: 300 },
      },
    });
    await publish(stack, 5);
    await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 5);
    expect(new Set(ids(stack, 'incident-alerts')).size).toBe(5);
  });

  it('waits out Discord\u2019s global rate limit across channels, delivering everything once', async () => {
    stack = await subscribed(['incident-alerts', 'critical', 'soc']);
    stack.emulator.configureRateLimits({
      enabled: true,
      globalPerSecond: 4,
      messagesPerChannel: { limit: 50, windowMs: 1000 },
    });
    await publish(stack, 3);
    for (const name of ['incident-alerts', 'critical', 'soc'])
      await stack.emulator.waitForMessages(stack.demo.channel(name), 3);
    await stack.bot.deliverer.idle();
    expect(stack.emulator.requests.some((r) => r.status === 429)).toBe(true);
    for (const name of ['incident-alerts', 'critical', 'soc'])
      expect(new Set(ids(stack, name)).size).toBe(3);
    for (const name of ['incident-alerts', 'critical', 'soc'])
      expect(ids(stack, name)).toHaveLength(3);
  });

  it.each([500, 502] as const)(
    'backs off on %i beyond the REST client\u2019s own retries, then delivers',
    async (status) => {
      stack = await subscribed(['incident-alerts']);
      stack.emulator.injectFault({
        method: 'POST',
        path: '/messages',
        times: 5,
        fault: { status },
      });
      await publish(stack, 1);
      await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 1);
      await stack.bot.deliverer.idle();
      expect(await stack.stores.outbox.pending()).toEqual([]);
      expect(stack.emulator.requests.filter((r) => r.status === status)).toHaveLength(5);
    },
  );

  it.each([
    [50001, 'Missing Access'],
    [50013, 'Missing Permissions'],
  ] as const)(
    'marks a subscription broken on 403 %i, stops retrying it, and still serves the other channels',
    async (code, reason) => {
      stack = await subscribed(['incident-alerts', 'critical', 'soc']);
      stack.emulator.injectFault({
        method: 'POST',
        path: `/channels/${stack.demo.channel('critical')}/messages`,
        times: 1,
        fault: { status: 403, code },
      });
      await publish(stack, 3);
      await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 3);
      await stack.emulator.waitForMessages(stack.demo.channel('soc'), 3);
      await stack.bot.deliverer.idle();
      expect(stack.emulator.messages(stack.demo.channel('critical'))).toHaveLength(0);
      const attempts = stack.emulator.requests.filter(
        (r) => r.path === `/channels/${stack!.demo.channel('critical')}/messages`,
      );
      expect(attempts).toHaveLength(1);
      const list = await stack.command('admin', 'general', 'alerts', subcommand('list'));
      const text = (list.message?.embeds as Array<{ description: string }>)[0]?.description ?? '';
      expect(text).toMatch(
        new RegExp(
          `<#${stack.demo.channel('critical')}> — .* — \\*\\*BROKEN since .*: 403 ${reason}\\*\\*`,
        ),
      );
      await publish(stack, 4);
      await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 4);
      await stack.bot.deliverer.idle();
      expect(
        stack.emulator.requests.filter(
          (r) => r.path === `/channels/${stack!.demo.channel('critical')}/messages`,
        ),
      ).toHaveLength(1);
    },
  );

  it('marks a subscription broken when the channel is gone (404)', async () => {
    stack = await subscribed(['incident-alerts']);
    stack.emulator.injectFault({
      method: 'POST',
      path: '/messages',
      times: 1,
      fault: { status: 404, code: 10003 },
    });
    await publish(stack, 1);
    await stack.bot.deliverer.idle();
    const settings = await stack.stores.guilds.get(stack.demo.guild.id);
    expect(settings?.subscriptions[0]?.health).toMatchObject({
      status: 'broken',
      reason: '404 Unknown Channel',
    });
  });

  it('resumes pending deliveries after a restart mid-fan-out, losing and doubling nothing', async () => {
    const channels = ['incident-alerts', 'critical', 'soc'];
    const s = (stack = await subscribed(channels, { store: 'sqlite' }));
    // Every send is slow, so the bot is stopped while most deliveries are still pending.
    s.emulator.injectFault({
      method: 'POST',
      path: '/messages',
      times: 100,
      fault: { delayMs: 40 },
    });
    await publish(s, 4);
    await s.emulator.waitForMessages(s.demo.channel('incident-alerts'), 1);
    await s.restart(async () => {
      // The stop really was mid-fan-out: some alerts sent, others still queued.
      const sent = channels.reduce((n, name) => n + ids(s, name).length, 0);
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThan(12);
      expect((await s.stores.outbox.pending()).length).toBe(12 - sent);
    });
    for (const name of channels) await s.emulator.waitForMessages(s.demo.channel(name), 4);
    await s.bot.deliverer.idle();
    for (const name of channels) {
      expect(ids(s, name)).toHaveLength(4);
      expect(new Set(ids(s, name)).size).toBe(4);
    }
    expect(await s.stores.outbox.pending()).toEqual([]);
  });

  it('does not double an alert when a crash loses the record of a send (Discord drops the repeated nonce)', async () => {
    stack = await subscribed(['incident-alerts'], { store: 'sqlite' });
    await publish(stack, 2);
    await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 2);
    await stack.bot.deliverer.idle();
    // As if the process died after Discord accepted the messages but before they were recorded.
    for (const r of await stack.stores.posts.all()) {
      const d = await stack.stores.outbox.get(
        `${r.post.id} ${stack.demo.channel('incident-alerts')}`,
      );
      if (d) await stack.stores.outbox.update({ ...d, status: 'pending', messageId: null });
    }
    await stack.restart();
    await stack.bot.deliverer.idle();
    await stack.bot.deliverer.runOnce();
    expect(ids(stack, 'incident-alerts')).toHaveLength(2);
    expect(await stack.stores.outbox.pending()).toEqual([]);
  });
});
