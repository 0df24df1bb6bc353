import { describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import { nonceOf } from '../../../src/alerts/deliveryNonce.js';
import { PublishError, type Publisher } from '../../../src/alerts/publisher.js';
import { silentLogger } from '../../../src/log.js';
import { memoryStores } from '../../../src/store/openStores.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

function setup(failures: Record<string, Array<PublishError | null>> = {}) {
  const clock = { now: new Date('2024-03-01T00:00:00Z') };
  // The outbox's leases and the deliverer read the same clock.
  const stores = memoryStores(() => clock.now);
  const sent: Array<{ channelId: string; nonce: string }> = [];
  const publisher: Publisher = {
    async publish(channelId, _message, nonce) {
      const next = failures[channelId]?.shift();
      if (next) throw next;
      sent.push({ channelId, nonce });
      return { messageId: `m${sent.length}` };
    },
  };
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now: () => clock.now,
    log: silentLogger(),
    options: {
      ...testLimits().delivery,
      baseBackoffSeconds: 10,
      maxBackoffSeconds: 60,
      maxAttempts: 3,
    },
  });
  return { stores, sent, clock, deliverer };
}

const posts = [
  makeStoredPost('p1', '2024-01-01T00:00:00Z', { severity: 'high' }),
  makeStoredPost('p2', '2024-01-02T00:00:00Z', { severity: 'high' }),
];

describe('AlertDeliverer', () => {
  it('sends each post once per subscribed channel, even when enqueued twice', async () => {
    const { stores, sent, deliverer } = setup();
    await stores.guilds.set(makeGuildSettings('g1', ['c1', 'c2']));
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    await deliverer.runOnce();
    expect(sent.map((s) => s.channelId).sort()).toEqual(['c1', 'c1', 'c2', 'c2']);
    expect(new Set(sent.map((s) => s.nonce)).size).toBe(4);
    expect(sent[0]?.nonce).toBe(nonceOf(`${posts[0]?.post.id} ${sent[0]?.channelId}`));
  });

  it('backs off transient failures (10 s, then 20 s), keeps the channel\u2019s order, then fails after the last attempt', async () => {
    const transient = () => new PublishError('transient', '503');
    const { stores, sent, clock, deliverer } = setup({
      c1: [transient(), transient(), transient()],
    });
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    const [first] = await stores.outbox.pending();
    expect(first).toMatchObject({
      attempts: 1,
      nextAttemptAt: '2024-03-01T00:00:10.000Z',
      lastError: '503',
    });
    expect(await deliverer.runOnce()).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    clock.now = new Date('2024-03-01T00:00:10Z');
    await deliverer.runOnce();
    expect((await stores.outbox.get(first!.id))?.nextAttemptAt).toBe('2024-03-01T00:00:30.000Z');
    clock.now = new Date('2024-03-01T00:00:30Z');
    await deliverer.runOnce();
    expect((await stores.outbox.get(first!.id))?.status).toBe('failed');
    await deliverer.runOnce();
    expect(sent.map((s) => s.channelId)).toEqual(['c1']);
  });

  it('marks the subscription broken on 403 and leaves other channels alone', async () => {
    const { stores, sent, deliverer } = setup({
      c1: [new PublishError('forbidden', '403 Missing Access', 403, 50001)],
    });
    await stores.guilds.set(makeGuildSettings('g1', ['c1', 'c2']));
    await stores.posts.put(posts);
    await deliverer.enqueue(posts);
    await deliverer.idle();
    await deliverer.runOnce();
    const settings = await stores.guilds.get('g1');
    expect(settings?.subscriptions.find((s) => s.channelId === 'c1')?.health).toMatchObject({
      status: 'broken',
      reason: '403 Missing Access',
    });
    expect(sent.map((s) => s.channelId)).toEqual(['c2', 'c2']);
    expect(await stores.outbox.pending()).toEqual([]);
  });

  it('gives up at once on a message Discord refuses as invalid', async () => {
    const { stores, sent, deliverer } = setup({
      c1: [new PublishError('invalid', '400 Invalid Form Body', 400)],
    });
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await stores.posts.put(posts.slice(0, 1));
    await deliverer.enqueue(posts.slice(0, 1));
    await deliverer.idle();
    expect(sent).toEqual([]);
    expect((await stores.outbox.get(`p1 c1`))?.status).toBe('failed');
  });

  it('drops a delivery whose channel was unsubscribed in the meantime', async () => {
    const { stores, sent, deliverer } = setup();
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await stores.posts.put(posts.slice(0, 1));
    await stores.outbox.enqueue([
      {
        id: 'p1 c1',
        postId: 'p1',
        guildId: 'g1',
        channelId: 'c1',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        messageId: null,
        createdAt: 'x',
        updatedAt: 'x',
      },
    ]);
    await stores.guilds.set(makeGuildSettings('g1', []));
    await deliverer.runOnce();
    expect(sent).toEqual([]);
    expect(await stores.outbox.get('p1 c1')).toMatchObject({
      status: 'failed',
      lastError: 'channel unsubscribed',
    });
  });
});
