/**
 * A forum alert taken over from a holder that died after Discord made its post and before the
 * post was recorded: the new holder finds the post (the bot's thread of that name in the forum,
 * whose starter message is the alert) and records it instead of making a second post. Real REST
 * through discord.js against the emulator, on the SQLite outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGuild } from '@jikenbo/discord-emulator';
import { AlertDeliverer } from '../../src/alerts/deliverAlerts.js';
import { DiscordPublisher } from '../../src/discord/discordPublisher.js';
import { silentLogger } from '../../src/log.js';
import type { Stores } from '../../src/store/openStores.js';
import { STORY_FIRST } from '../fixtures/storyPosts.js';
import { testLimits } from '../helpers/limits.js';
import type { Stack } from './stack.js';
import { startThreadStack } from './threadServer.js';

/**
 * A deliverer on the stack's stores whose process "dies" right after Discord accepted its alert in
 * `channelId` (recording it fails, and the run ends there); other channels' alerts it records.
 */
function dyingDeliverer(
  stack: Stack,
  publisher: DiscordPublisher,
  channelId: string,
): AlertDeliverer {
  const outbox = new Proxy(stack.stores.outbox, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        ['updateClaimed', 'update'].includes(String(key)) &&
        (args[0] as { channelId?: string }).channelId === channelId
          ? Promise.reject(new Error('killed before recording'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  const stores = { ...stack.stores, outbox } as Stores;
  return new AlertDeliverer({
    stores,
    publisher,
    now: () => new Date(),
    log: silentLogger(),
    options: { ...testLimits().delivery, concurrency: 1 },
    workerId: 'dead-holder',
    leaseMs: 200,
  });
}

describe('a forum alert taken over from a holder that died before recording it', () => {
  let stack: Stack;
  let server: DemoGuild;
  const forumPosts = () =>
    server.guild.threads.filter((t) => t.parent_id === server.channel('forum-managed'));
  const deliveryId = () => `tag:first ${server.channel('forum-managed')}`;

  beforeAll(async () => {
    ({ stack, server } = await startThreadStack({ store: 'sqlite' }));
    // This process's own deliverer stays out of it: the dead holder sends, a new one takes over.
    await stack.bot.deliverer.stop();
    stack.feed.publish(STORY_FIRST);
    await stack.bot.pollOnce();
  });
  afterAll(() => stack.stop());

  it('records the post the dead holder made instead of posting the alert again', async () => {
    const publisher = new DiscordPublisher(stack.bot.client.rest, {
      botUserId: () => stack.bot.client.user?.id,
    });
    await dyingDeliverer(stack, publisher, server.channel('forum-managed'))
      .runOnce()
      .catch(() => undefined);
    expect(forumPosts()).toHaveLength(1);
    const made = forumPosts()[0]!.id;
    expect((await stack.stores.outbox.get(deliveryId()))?.status).toBe('pending');

    await new Promise((resolve) => setTimeout(resolve, 300)); // the dead holder's lease runs out
    const next = new AlertDeliverer({
      stores: stack.stores,
      publisher,
      now: () => new Date(),
      log: silentLogger(),
      options: testLimits().delivery,
      workerId: 'next-holder',
    });
    await next.runOnce();

    expect(forumPosts().map((t) => t.id)).toEqual([made]);
    const recorded = await stack.stores.outbox.get(deliveryId());
    expect(recorded).toMatchObject({ status: 'delivered', messageId: made, threadId: made });
    const postsMade = stack.emulator.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith(`/channels/${server.channel('forum-managed')}/threads`),
    );
    expect(postsMade).toHaveLength(1);
  });
});
