import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionType } from '@jikenbo/discord-emulator';
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
    const published = FIXTURE_ENTRIES.slice(0, 3);
    stack.feed.publish(...[...published].reverse());
    await stack.bot.pollOnce();
    const messages = await stack.emulator.waitForMessages(stack.demo.channel('incident-alerts'), 1);
    await stack.bot.deliverer.idle();
    // Every alert is about one of the posts just published, titled and linked as stored.
    const newPosts = new Map(
      (await stack.stores.posts.all())
        .filter((r) => published.some((e) => e.id === r.post.id))
        .map((r) => [r.post.link, r.post]),
    );
    expect(newPosts.size).toBe(3);
    for (const message of stack.emulator.messages(stack.demo.channel('incident-alerts'))) {
      const embed = (message.embeds as Array<{ title?: string; url?: string; color?: unknown }>)[0];
      const post = newPosts.get(embed?.url ?? '');
      expect(post, `alert for ${embed?.url}`).toBeDefined();
      expect(embed?.title).toBe(post?.title);
      expect(typeof embed?.color).toBe('number');
    }
    expect(messages[0]?.allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it('resumes its gateway session after Discord closes the connection, and keeps answering', async () => {
    stack.emulator.closeGateway(4000);
    await stack.emulator.waitForGatewayEvent('gateway.resume');
    const reply = await stack.command('analyst', 'general', 'help');
    expect((reply.message?.embeds as Array<{ title: string }>)[0]?.title).toBe(
      'jikenbo — security incident alerts',
    );
  });

  it('registered its commands once, on the guild route, with Japanese names and descriptions', async () => {
    const commands = stack.emulator.world.guildCommands.get(stack.demo.guild.id) ?? [];
    expect(commands.map((c) => c.name).sort()).toEqual([
      'alerts',
      'feed',
      'help',
      'incident',
      'watch',
    ]);
    for (const c of commands)
      expect(c.description_localizations).toMatchObject({ ja: expect.any(String) });
    expect(
      stack.emulator.requests.filter((r) => r.method === 'PUT' && r.path.includes('/commands')),
    ).toHaveLength(1);
    expect(stack.emulator.requests.filter((r) => !r.known)).toEqual([]);
  });
});

describe('login failures', () => {
  it('fails to start with a clear error when Discord rejects the token', async () => {
    const { DiscordEmulator } = await import('@jikenbo/discord-emulator');
    const { startBot } = await import('../../src/app/startBot.js');
    const { loadConfig } = await import('../../src/config/loadConfig.js');
    const { memoryStores } = await import('../../src/store/openStores.js');
    const { silentLogger } = await import('../../src/log.js');
    const { CONFIG_DIR } = await import('../helpers/paths.js');
    const emulator = await new DiscordEmulator().start();
    try {
      const config = loadConfig(
        {
          DISCORD_TOKEN: 'wrong.token.value',
          DISCORD_API_URL: emulator.apiUrl,
          LOG_LEVEL: 'silent',
        },
        CONFIG_DIR,
      );
      await expect(
        startBot({
          config,
          stores: memoryStores(),
          classify: () => {
            throw new Error('unused');
          },
          log: silentLogger(),
          schedulePolls: false,
        }),
      ).rejects.toThrow(/401|Unauthorized|token/i);
    } finally {
      await emulator.stop();
    }
  });
});
