/** Issue 9 pt 7, the deliverer's side: a 429's growing retry-after is honoured; a pause costs no attempt. */
import { describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import { PublishError, type Publisher } from '../../../src/alerts/publisher.js';
import { silentLogger } from '../../../src/log.js';
import { memoryStores } from '../../../src/store/openStores.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

function setup(failures: PublishError[]) {
  const clock = { now: new Date('2024-03-01T00:00:00Z') };
  // The outbox's leases and the deliverer read the same clock.
  const stores = memoryStores(() => clock.now);
  const publisher: Publisher = {
    async publish() {
      const next = failures.shift();
      if (next) throw next;
      return { messageId: 'm1' };
    },
  };
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now: () => clock.now,
    log: silentLogger(),
    options: {
      ...testLimits().delivery,
      baseBackoffSeconds: 1,
      maxBackoffSeconds: 60,
      maxAttempts: 2,
    },
  });
  return { stores, deliverer };
}

const post = makeStoredPost('p1', '2024-01-01T00:00:00Z', { severity: 'high' });

describe('AlertDeliverer and the publisher’s retry-after', () => {
  it('waits a 429’s retry-after when it is longer than its own backoff', async () => {
    const { stores, deliverer } = setup([new PublishError('transient', '429', 429, undefined, 32)]);
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await stores.posts.put([post]);
    await deliverer.enqueue([post]);
    await deliverer.idle();
    expect((await stores.outbox.pending())[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: '2024-03-01T00:00:32.000Z',
    });
    await deliverer.stop();
  });

  it('a paused publish (nothing sent) waits as asked and spends no attempt', async () => {
    const paused = () => new PublishError('paused', 'paused', undefined, undefined, 600);
    const { stores, deliverer } = setup([paused(), paused(), paused()]);
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await stores.posts.put([post]);
    await deliverer.enqueue([post]);
    await deliverer.idle();
    const [pending] = await stores.outbox.pending();
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2024-03-01T00:10:00.000Z',
    });
    await deliverer.stop();
  });
});
