/** Digests and quiet hours in the deliverer: rows are held at fan-out, released together as digests. */
import { describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import { fanOut } from '../../../src/alerts/fanOut.js';
import { PublishError, type Publisher } from '../../../src/alerts/publisher.js';
import type { AlertMessage } from '../../../src/alerts/renderAlert.js';
import { silentLogger } from '../../../src/log.js';
import type { GuildSettings, Subscription } from '../../../src/store/guildSettings.js';
import { memoryStores } from '../../../src/store/openStores.js';
import type { Delivery } from '../../../src/store/outboxStore.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

function guildWith(schedule: Partial<Subscription>): GuildSettings {
  const settings = makeGuildSettings('g1', ['c1']);
  return {
    ...settings,
    subscriptions: settings.subscriptions.map((s) => ({ ...s, minSeverity: 'low', ...schedule })),
  };
}

const digestAt9Utc = guildWith({ delivery: 'digest', digestTime: '09:00', timeZone: 'UTC' });
const quietNights = guildWith({
  timeZone: 'Asia/Tokyo',
  quietHours: { start: '22:00', end: '07:00' },
});

describe('fan-out holding', () => {
  const post = (severity: 'critical' | 'high' | 'low') =>
    makeStoredPost(`p-${severity}`, '2024-01-01T00:00:00Z', { severity });

  it('holds every alert of a digest subscription until its next digest time', () => {
    const [held] = fanOut([post('critical')], [digestAt9Utc], new Date('2024-03-01T10:00:00Z'));
    expect(held?.holdUntil).toBe('2024-03-02T09:00:00.000Z');
  });

  it('holds what is below critical during quiet hours until they end, lets a critical one through', () => {
    const night = new Date('2024-03-01T14:30:00Z'); // 23:30 in Tokyo
    const rows = fanOut([post('high'), post('critical')], [quietNights], night);
    expect(rows.map((d) => [d.postId, d.holdUntil ?? null])).toEqual([
      ['p-high', '2024-03-01T22:00:00.000Z'], // 07:00 in Tokyo
      ['p-critical', null],
    ]);
  });

  it('holds nothing outside quiet hours, and nothing for an instant subscription', () => {
    const day = new Date('2024-03-01T03:00:00Z'); // noon in Tokyo
    expect(fanOut([post('low')], [quietNights], day)[0]).not.toHaveProperty('holdUntil');
    const instant = makeGuildSettings('g1', ['c1']);
    expect(fanOut([post('high')], [instant], day)[0]).not.toHaveProperty('holdUntil');
  });
});

function setup(
  settings: GuildSettings,
  failures: Array<PublishError | null> = [],
  onSent?: (delivery: Delivery, messageId: string) => Promise<void>,
) {
  const clock = { now: new Date('2024-03-01T10:00:00Z') };
  const stores = memoryStores(() => clock.now);
  const sent: AlertMessage[] = [];
  const publisher: Publisher = {
    async publish(_channelId, message) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(message);
      return { messageId: `m${sent.length}` };
    },
  };
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now: () => clock.now,
    log: silentLogger(),
    options: { ...testLimits().delivery, baseBackoffSeconds: 10, maxBackoffSeconds: 60 },
    ...(onSent && { onSent }),
  });
  return { stores, sent, clock, deliverer, ready: stores.guilds.set(settings) };
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeStoredPost(`p${String(i).padStart(2, '0')}`, '2024-01-01T00:00:00Z', {
      severity: i % 3 === 0 ? 'high' : 'low',
    }),
  );

describe('digest delivery', () => {
  it('sends nothing before the digest time, then every held alert in digest messages, each row delivered once', async () => {
    const { stores, sent, clock, deliverer, ready } = setup(digestAt9Utc);
    await ready;
    const posts = many(23);
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    expect(sent).toEqual([]);
    expect(await stores.outbox.pending()).toHaveLength(23);

    clock.now = new Date('2024-03-02T09:00:00Z');
    expect(await deliverer.runOnce()).toEqual({ delivered: 23, failed: 0, retrying: 0 });
    expect(sent.map((m) => m.embeds.length)).toEqual([10, 10, 3]);
    expect(sent[0]?.content).toContain('1/3');
    expect(await stores.outbox.pending()).toEqual([]);
    const rows = await Promise.all(posts.map((p) => stores.outbox.get(`${p.post.id} c1`)));
    expect(new Set(rows.map((r) => r?.messageId))).toEqual(new Set(['m1', 'm2', 'm3']));
    expect(await deliverer.runOnce()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    expect(sent).toHaveLength(3);
  });

  it('tells the publish hook of each digest message once, under the first alert it holds', async () => {
    const told: Array<[string, string]> = [];
    const { stores, clock, deliverer, ready } = setup(digestAt9Utc, [], async (d, messageId) => {
      told.push([d.postId, messageId]);
    });
    await ready;
    const posts = many(12);
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    clock.now = new Date('2024-03-02T09:00:00Z');
    await deliverer.runOnce();
    expect(told.map(([, m]) => m)).toEqual(['m1', 'm2']);
    expect(new Set(told.map(([postId]) => postId)).size).toBe(2);
  });

  it('when a later digest message fails, keeps what was sent and retries only the rest', async () => {
    const { stores, sent, clock, deliverer, ready } = setup(digestAt9Utc, [
      null,
      new PublishError('transient', '503'),
    ]);
    await ready;
    const posts = many(15);
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    clock.now = new Date('2024-03-02T09:00:00Z');
    expect(await deliverer.runOnce()).toEqual({ delivered: 10, failed: 0, retrying: 1 });
    expect(await stores.outbox.pending()).toHaveLength(5);
    clock.now = new Date('2024-03-02T09:00:10Z');
    expect(await deliverer.runOnce()).toEqual({ delivered: 5, failed: 0, retrying: 0 });
    expect(sent.map((m) => m.embeds.length)).toEqual([10, 5]);
  });
});
