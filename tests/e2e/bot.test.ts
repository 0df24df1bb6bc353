import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionType } from '../../src/emulator/emulator.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

const subcommand = (
  name: string,
  options: Array<{ name: string; type: number; value: string | number | boolean }> = [],
) => [{ name, type: OptionType.SubCommand, options }];

describe('the bot against the Discord emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ entries: FIXTURE_ENTRIES.slice(10, 40) });
  });
  afterAll(() => stack.stop());

  it('logs in with the Guilds intent only and receives its guild', async () => {
    const identify = await stack.emulator.waitForGatewayEvent('gateway.identify');
    expect(identify.intents).toBe(1);
    expect(stack.bot.client.guilds.cache.has(stack.demo.guild.id)).toBe(true);
  });

  it('subscribes a channel and posts an alert embed for a new incident', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        { name: 'channel', type: OptionType.Channel, value: stack.demo.channel('incident-alerts') },
        { name: 'min_severity', type: OptionType.String, value: 'low' },
      ]),
    );
    expect(reply.ephemeral).toBe(true);
    expect(String(reply.message?.content)).toContain('is subscribed');
    await stack.bot.pollOnce();
    stack.feed.publish(...FIXTURE_ENTRIES.slice(0, 3).reverse());
    await stack.bot.pollOnce();
    const messages = await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 1);
    const embed = (messages[0]?.embeds as Array<Record<string, unknown>>)[0];
    expect(embed?.title).toBeTruthy();
    expect(typeof embed?.color).toBe('number');
    expect(messages[0]?.allowed_mentions).toEqual({ parse: [], roles: [] });
  });
});
