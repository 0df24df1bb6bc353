/**
 * Publishing in announcement channels with a fake clock: at most the window's publishes per channel
 * (the 11th in an hour waits for the window and goes out when it opens), a 429 reschedules at its
 * retry-after, 40033 counts as done, 50013 gives up and says so on the subscription; the alert
 * itself is sent at once whatever happens to its publish.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import { CrosspostWorker } from '../../../src/alerts/crosspostWorker.js';
import { PublishError, type Publisher } from '../../../src/alerts/publisher.js';
import { silentLogger } from '../../../src/log.js';
import type { Subscription } from '../../../src/store/guildSettings.js';
import { memoryStores } from '../../../src/store/openStores.js';
import { deliveryId } from '../../../src/store/outboxStore.js';
import { describePublish } from '../../../src/subscriptions/describePublish.js';
import { makeDelivery, makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

const HOUR = 3_600_000;
const workers: CrosspostWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
});

function setup(refusals: Array<PublishError | null> = []) {
  const clock = { now: new Date('2026-12-02T00:00:00Z') };
  const stores = memoryStores(() => clock.now);
  const published: string[] = [];
  const worker = new CrosspostWorker({
    stores,
    crosspost: async (_channelId, messageId) => {
      const refusal = refusals.shift();
      if (refusal) throw refusal;
      published.push(messageId);
    },
    now: () => clock.now,
    log: silentLogger(),
    window: { perWindow: 10, windowSeconds: 3600 },
    retry: { maxAttempts: 3, baseBackoffSeconds: 10, maxBackoffSeconds: 60 },
    leaseMs: 60_000,
  });
  workers.push(worker);
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { clock, stores, published, worker, advance };
}

async function publishing(stores: ReturnType<typeof memoryStores>): Promise<Subscription> {
  const settings = makeGuildSettings('g1', ['c1']);
  const subscription = { ...settings.subscriptions[0]!, publish: true };
  await stores.guilds.set({ ...settings, subscriptions: [subscription] });
  return subscription;
}

/** Queues the publish of alert `n`'s message and lets the worker run. */
async function alertSent(worker: CrosspostWorker, subscription: Subscription, n: number) {
  await worker.queue(makeDelivery(`p${n}`, 'c1'), `m${n}`, subscription);
  await worker.idle();
}

describe('CrosspostWorker', () => {
  it('publishes 10 alerts in an hour; the 11th waits and goes out when the window allows', async () => {
    const { stores, published, worker, advance } = setup();
    const subscription = await publishing(stores);
    for (let n = 1; n <= 11; n++) {
      await alertSent(worker, subscription, n);
      advance(60_000);
    }
    expect(published).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);
    const waiting = await stores.crossposts.get(deliveryId('p11', 'c1'));
    // The first publish (at 00:00) leaves the window at 01:00: the 11th is due then.
    expect(waiting).toMatchObject({ status: 'pending', dueAt: '2026-12-02T01:00:00.000Z' });
    advance(HOUR - 11 * 60_000 - 1);
    await worker.runOnce();
    expect(published).toHaveLength(10);
    advance(1);
    await worker.runOnce();
    expect(published.at(-1)).toBe('m11');
    expect((await stores.crossposts.get(deliveryId('p11', 'c1')))?.status).toBe('done');
  });

  it('tries a publish Discord limited (429) again at its retry-after, not before', async () => {
    const limited = new PublishError('transient', '429 rate limited', 429, undefined, 1800);
    const { stores, published, worker, advance } = setup([limited]);
    await alertSent(worker, await publishing(stores), 1);
    expect(published).toEqual([]);
    expect(await stores.crossposts.get(deliveryId('p1', 'c1'))).toMatchObject({
      status: 'pending',
      attempts: 0,
      dueAt: '2026-12-02T00:30:00.000Z',
    });
    advance(1800_000 - 1);
    await worker.runOnce();
    expect(published).toEqual([]);
    advance(1);
    await worker.runOnce();
    expect(published).toEqual(['m1']);
  });

  it('counts "already crossposted" (40033) as done and does not try again', async () => {
    const already = new PublishError('invalid', '400 already crossposted', 400, 40033);
    const { stores, worker, advance } = setup([already]);
    await alertSent(worker, await publishing(stores), 1);
    expect((await stores.crossposts.get(deliveryId('p1', 'c1')))?.status).toBe('done');
    advance(HOUR);
    await worker.runOnce();
    expect(await stores.crossposts.nextDue()).toBeNull();
  });

  it('gives up without the permission (50013) and says why on the subscription, in words', async () => {
    const refused = new PublishError('forbidden', '403 Missing Permissions', 403, 50013);
    const { stores, worker } = setup([refused]);
    await alertSent(worker, await publishing(stores), 1);
    expect((await stores.crossposts.get(deliveryId('p1', 'c1')))?.status).toBe('given-up');
    const subscription = (await stores.guilds.get('g1'))!.subscriptions[0]!;
    expect(subscription.publishProblem).toEqual({
      reason: 'no-permission',
      since: '2026-12-02T00:00:00.000Z',
    });
    expect(describePublish(subscription, 'en')).toContain('needs Send Messages');
    expect(describePublish(subscription, 'ja')).toContain('公開の権限がありません');
  });

  it('queues nothing for a subscription that does not publish', async () => {
    const { stores, published, worker } = setup();
    const subscription = { ...(await publishing(stores)), publish: false };
    await alertSent(worker, subscription, 1);
    expect(published).toEqual([]);
    expect(await stores.crossposts.get(deliveryId('p1', 'c1'))).toBeNull();
  });

  it('sends the alert at once and records it delivered while its publish waits for the window', async () => {
    const { stores, published, worker, clock } = setup();
    const subscription = await publishing(stores);
    for (let n = 1; n <= 10; n++) await alertSent(worker, subscription, n);
    const sent: string[] = [];
    const publisher: Publisher = {
      async publish(channelId) {
        sent.push(channelId);
        return { messageId: 'm11' };
      },
    };
    const deliverer = new AlertDeliverer({
      stores,
      publisher,
      now: () => clock.now,
      log: silentLogger(),
      options: testLimits().delivery,
      onSent: (delivery, messageId, sub) => worker.queue(delivery, messageId, sub),
    });
    const post = makeStoredPost('p11', '2026-12-01T00:00:00Z', { severity: 'high' });
    await stores.posts.put([post]);
    await deliverer.enqueue([post]);
    await deliverer.idle();
    await worker.idle();
    expect(sent).toEqual(['c1']);
    expect((await stores.outbox.get(deliveryId('p11', 'c1')))?.status).toBe('delivered');
    expect(published).toHaveLength(10);
    expect((await stores.crossposts.get(deliveryId('p11', 'c1')))?.status).toBe('pending');
    await deliverer.stop();
  });
});
