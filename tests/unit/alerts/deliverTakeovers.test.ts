/**
 * The product deliverer on the SQL outbox checks rows taken over from a dead holder before sending
 * them again (issue 11): a holder that died after Discord accepted its message and before it
 * recorded that would otherwise get a second message into the channel (nonce check off / past its
 * window). Rows nobody held are sent without a look.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import type { Publisher } from '../../../src/alerts/publisher.js';
import { silentLogger } from '../../../src/log.js';
import { openStores, type Stores } from '../../../src/store/openStores.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  inChannel: (channelId: string) => string | null | Error,
  onPublish: (channelId: string) => Promise<void> = async () => undefined,
) {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-takeover-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: new Date('2024-03-01T00:00:00Z') };
  const stores: Stores = await openStores(
    { kind: 'sqlite', path: join(dir, 'bot.sqlite') },
    silentLogger(),
    { now: () => clock.now },
  );
  cleanups.push(() => stores.close());
  const published: string[] = [];
  const looked: string[] = [];
  const publisher: Publisher = {
    async publish(channelId) {
      published.push(channelId);
      await onPublish(channelId);
      return { messageId: `new-${channelId}` };
    },
    async findSent(channelId) {
      looked.push(channelId);
      const found = inChannel(channelId);
      if (found instanceof Error) throw found;
      return found;
    },
  };
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now: () => clock.now,
    log: silentLogger(),
    options: { ...testLimits().delivery, leaseSeconds: 10, concurrency: 1 },
    workerId: 'living',
  });
  const post = makeStoredPost('p1', '2024-01-01T00:00:00Z', { severity: 'high' });
  await stores.guilds.set(makeGuildSettings('g1', ['c1', 'c2', 'c3']));
  await stores.posts.put([post]);
  await stores.outbox.enqueue(await deliverer.fanOut([post]));
  return { stores, clock, deliverer, published, looked };
}

/** `worker` claims every due row for 5 s and renews (as a deliverer does just before sending) those of `sending`. */
async function claimAndBeginSending(stores: Stores, worker: string, sending: string[]) {
  const claimed = await stores.outbox.claim(worker, 10, 5_000);
  expect(claimed).toHaveLength(3);
  for (const d of claimed.filter((c) => sending.includes(c.channelId)))
    expect(await stores.outbox.renewClaim?.(d.id, worker, 5_000)).toBe(true);
}

describe('AlertDeliverer on the SQL outbox: rows taken over from a dead holder', () => {
  it('records an alert the dead holder had sent instead of sending it again', async () => {
    const { stores, clock, deliverer, published, looked } = await setup((c) =>
      c === 'c1' ? 'sent-by-dead-holder' : null,
    );
    // Another process claims everything, begins to send all three and dies before recording any.
    await claimAndBeginSending(stores, 'dead', ['c1', 'c2', 'c3']);
    clock.now = new Date('2024-03-01T00:00:06Z'); // its lease has run out
    expect(await deliverer.runOnce()).toMatchObject({ delivered: 3, failed: 0 });
    expect(looked.sort()).toEqual(['c1', 'c2', 'c3']);
    expect(published.sort()).toEqual(['c2', 'c3']);
    const byChannel = Object.fromEntries(
      (await Promise.all(['c1', 'c2', 'c3'].map((c) => stores.outbox.get(`p1 ${c}`)))).map((d) => [
        d?.channelId,
        { status: d?.status, messageId: d?.messageId },
      ]),
    );
    expect(byChannel).toEqual({
      c1: { status: 'delivered', messageId: 'sent-by-dead-holder' },
      c2: { status: 'delivered', messageId: 'new-c2' },
      c3: { status: 'delivered', messageId: 'new-c3' },
    });
  });

  it('looks only for the rows the dead holder had begun to send, not the rest of its claim', async () => {
    const { stores, clock, deliverer, published, looked } = await setup(() => null);
    // It claimed all three but was sending only c1 when it died: c2 and c3 never left it.
    await claimAndBeginSending(stores, 'dead', ['c1']);
    clock.now = new Date('2024-03-01T00:00:06Z');
    expect(await deliverer.runOnce()).toMatchObject({ delivered: 3, failed: 0 });
    expect(looked).toEqual(['c1']);
    expect(published.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('still looks for a row whose later holder died before it began to send', async () => {
    const { stores, clock, deliverer, looked } = await setup(() => null);
    await claimAndBeginSending(stores, 'first', ['c1']);
    clock.now = new Date('2024-03-01T00:00:06Z');
    // A second holder takes the rows over and dies at once: c1 may still hold the first's message.
    expect(await stores.outbox.claim('second', 10, 5_000)).toHaveLength(3);
    clock.now = new Date('2024-03-01T00:00:12Z');
    await deliverer.runOnce();
    expect(looked).toEqual(['c1']);
  });

  it('sends rows nobody held without looking in the channel', async () => {
    const { deliverer, published, looked } = await setup(() => 'never-asked');
    await deliverer.runOnce();
    expect(looked).toEqual([]);
    expect(published.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('sends a taken-over row when the look fails (the nonce is the second guard)', async () => {
    const { stores, clock, deliverer, published } = await setup(() => new Error('403 history'));
    await claimAndBeginSending(stores, 'dead', ['c1', 'c2', 'c3']);
    clock.now = new Date('2024-03-01T00:00:06Z');
    expect(await deliverer.runOnce()).toMatchObject({ delivered: 3, failed: 0 });
    expect(published.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('does not send rows another worker took over while this one fell behind its lease', async () => {
    let took = 0;
    const run = await setup(
      () => null,
      async (channelId) => {
        if (channelId !== 'c1') return;
        // The first send outlasts the lease; another worker takes every row over meanwhile.
        run.clock.now = new Date(run.clock.now.getTime() + 11_000);
        took = (await run.stores.outbox.claim('other', 10, 10_000)).length;
      },
    );
    await run.deliverer.runOnce();
    expect(took).toBe(3);
    // c1 was on its way; c2 and c3 are the other worker's now, and it sends them.
    expect(run.published).toEqual(['c1']);
    expect((await run.stores.outbox.pending()).map((d) => d.channelId).sort()).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
  });
});
