/**
 * Update alerts through the real discord.js client against the emulator: an update of an alerted
 * incident is posted as a reply to the original alert, which the emulator validates as Discord does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIRST, STORY_OTHER, STORY_UPDATE } from '../fixtures/storyPosts.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

type Message = {
  id: string;
  type: number;
  embeds: Array<{ title: string; description?: string }>;
  message_reference?: { message_id: string; channel_id: string };
  referenced_message?: { id: string };
};

describe('update replies end to end', () => {
  let stack: Stack;
  const inAlerts = () =>
    stack.emulator.world.messagesIn(stack.demo.channel('incident-alerts')) as unknown as Message[];

  beforeAll(async () => {
    stack = await startStack({ entries: [STORY_OTHER] });
    await subscribeDemoChannels(stack);
    await stack.bot.pollOnce();
    stack.feed.publish(STORY_FIRST);
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    stack.feed.publish(STORY_UPDATE);
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
  });
  afterAll(() => stack.stop());

  it('posts the update as a reply to the alert of the first report, with what changed', async () => {
    const [original, reply] = inAlerts();
    expect(inAlerts()).toHaveLength(2);
    expect(original?.embeds[0]?.title).toContain('ミナトテック');
    expect(original?.message_reference).toBeUndefined();
    expect(reply?.type).toBe(19);
    expect(reply?.message_reference?.message_id).toBe(original?.id);
    expect(reply?.referenced_message?.id).toBe(original?.id);
    const description = reply?.embeds[0]?.description ?? '';
    expect(description).toContain('Update to 株式会社ミナトテック');
    expect(description).toContain('People affected 2,850 → 35,650 people');
  });

  it('records the reply’s message id in the outbox like any delivery', async () => {
    const delivery = await stack.stores.outbox.get(
      `tag:update ${stack.demo.channel('incident-alerts')}`,
    );
    expect(delivery).toMatchObject({ status: 'delivered', messageId: inAlerts()[1]?.id });
  });
});
