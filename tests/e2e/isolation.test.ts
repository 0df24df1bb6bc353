import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionType, channel, str, subcommand } from '@jikenbo/discord-emulator';
import { startStack, type Stack } from './stack.js';

describe('per-server isolation and option autocomplete', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [channel('channel', stack.demo.channel('incident-alerts'))]),
    );
  });
  afterAll(() => stack.stop());

  const inOther = (name: string, options = subcommand('list'), forgeForeignChannels = false) =>
    stack.emulator.runCommand(
      {
        guildId: stack.other.guild.id,
        channelId: stack.other.channel('alerts'),
        userId: stack.other.user('other-admin'),
        forgeForeignChannels,
      },
      name,
      options,
    );

  it('shows a server only its own subscriptions', async () => {
    const reply = await inOther('alerts');
    expect(reply.message?.content).toBe(
      'No channel in this server is subscribed. Use `/alerts subscribe`.',
    );
  });

  it('does not let a server change another server\u2019s subscription', async () => {
    const before = await stack.stores.guilds.get(stack.demo.guild.id);
    const unsubscribe = await inOther(
      'alerts',
      subcommand('unsubscribe', [channel('channel', stack.other.channel('alerts'))]),
    );
    expect(unsubscribe.message?.content).toMatch(/^No subscription for/);
    // Discord never offers another server's channel, but a forged payload can resolve one:
    // the emulator lets it through here, so the refusal must come from the bot.
    const forged = await inOther(
      'alerts',
      subcommand('subscribe', [
        channel('channel', stack.demo.channel('incident-alerts')),
        str('min_severity', 'info'),
      ]),
      true,
    );
    expect(forged.ephemeral).toBe(true);
    expect(forged.message?.content).toContain(`<#${stack.demo.channel('incident-alerts')}>`);
    expect(forged.message?.content).toContain('is not a channel of this server');
    expect(await stack.stores.guilds.get(stack.demo.guild.id)).toEqual(before);
    expect(await stack.stores.guilds.get(stack.other.guild.id)).toBeNull();
  });

  it('autocompletes comma-separated causes by name in the user\u2019s language, keeping ids as the value', async () => {
    const reply = await stack.emulator.autocomplete(
      {
        guildId: stack.demo.guild.id,
        channelId: stack.demo.channel('general'),
        userId: stack.demo.user('admin'),
        locale: 'ja',
      },
      'alerts',
      [
        {
          name: 'subscribe',
          type: OptionType.SubCommand,
          options: [
            { name: 'causes', type: OptionType.String, value: 'ransomware,phi', focused: true },
          ],
        },
      ],
    );
    expect(reply.choices).toEqual([
      // People read names; the value keeps the ids the command parses.
      { name: 'ランサムウェア, フィッシング・なりすまし', value: 'ransomware,phishing' },
    ]);
  });
});
