/**
 * Issue 9 points 2, 4 (router side), 8 and 10: whatever a command's store call
 * does (throws StoreError, hangs) and whatever a forged payload holds (an
 * unknown subcommand, a value outside the choices, 6,000 characters of input),
 * the user gets one clear answer in their language that Discord accepts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import {
  addDemoGuild,
  channel,
  DiscordEmulator,
  int,
  OptionType,
  str,
  subcommand,
  type DemoGuild,
} from '@jikenbo/discord-emulator';
import { loadConfig } from '../../src/config/loadConfig.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { loadCommands } from '../../src/discord/loadCommands.js';
import { createRouter } from '../../src/discord/router.js';
import type { CommandContext } from '../../src/discord/commandModule.js';
import { silentLogger } from '../../src/log.js';
import { memoryStores, type Stores } from '../../src/store/openStores.js';
import { StoreError } from '../../src/store/sql/storeError.js';
import { CONFIG_DIR } from '../helpers/paths.js';
import { startStack, type Stack } from './stack.js';

/** Stores whose every call on `part` throws StoreError or never settles. */
function faulty(stores: Stores, part: keyof Stores, how: 'throw' | 'hang'): Stores {
  const target = stores[part] as object;
  const broken = new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return () =>
        how === 'hang'
          ? new Promise(() => undefined)
          : Promise.reject(new StoreError('database is locked', 'timeout'));
    },
  });
  return { ...stores, [part]: broken };
}

describe('a command whose store fails or hangs still gets an answer', () => {
  let emulator: DiscordEmulator;
  let demo: DemoGuild;
  let client: Client;
  const route = { current: null as null | ReturnType<typeof createRouter> };
  beforeAll(async () => {
    emulator = await new DiscordEmulator({ heartbeatIntervalMs: 1000 }).start();
    demo = addDemoGuild(emulator.world);
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
    client.on(Events.InteractionCreate, (i) => void route.current?.(i));
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(emulator.token);
    await ready;
    await deployCommands({
      token: emulator.token,
      apiUrl: emulator.apiUrl,
      applicationId: null,
      guildId: demo.guild.id,
      commands: await loadCommands(),
    });
  });
  afterAll(async () => {
    await client.destroy();
    await emulator.stop();
  });

  async function useStores(stores: Stores) {
    const config = loadConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent' }, CONFIG_DIR);
    const ctx: CommandContext = {
      stores,
      publisher: { publish: () => Promise.reject(new Error('not used')) },
      feedUrls: config.feedUrls,
      limits: config.limits,
      now: () => new Date(),
      log: silentLogger(),
      pollStatus: () => ({ state: 'active' }),
    };
    // Short timings so the test does not wait 12 s; production uses the module's constants.
    route.current = createRouter(await loadCommands(), ctx, {
      deferAfterMs: 50,
      answerWithinMs: 300,
      autocompleteWithinMs: 200,
    });
  }

  const as = (user: string) => ({
    guildId: demo.guild.id,
    channelId: demo.channel('general'),
    userId: demo.user(user),
  });
  const subscribe = (locale = 'en-US') =>
    emulator.runCommand(
      { ...as('admin'), locale },
      'alerts',
      subcommand('subscribe', [channel('channel', demo.channel('incident-alerts'))]),
    );

  it('a StoreError on save says "not saved", in Japanese for a Japanese user', async () => {
    await useStores(faulty(memoryStores(), 'guilds', 'throw'));
    const en = await subscribe();
    expect(en.message?.content).toBe(
      'The storage is unavailable right now, so your change was not saved. Try again in a minute.',
    );
    expect(en.ephemeral).toBe(true);
    const ja = await subscribe('ja');
    expect(ja.message?.content).toContain('変更は保存されていません');
  });

  it('a store call that hangs: deferred in time, then answered instead of "thinking…" forever', async () => {
    await useStores(faulty(memoryStores(), 'guilds', 'hang'));
    const reply = await subscribe();
    expect(reply.type).toBe(5);
    expect(reply.message?.content).toMatch(/^This took too long: the storage may be unavailable/);
  });

  it('autocomplete over a hung store answers no choices rather than nothing', async () => {
    await useStores(faulty(memoryStores(), 'archive', 'hang'));
    const reply = await emulator.autocomplete(as('analyst'), 'incident', [
      {
        name: 'show',
        type: OptionType.SubCommand,
        options: [{ name: 'id', type: OptionType.String, value: '20', focused: true }],
      },
    ]);
    expect(reply).toMatchObject({ type: 8, choices: [] });
  });
});

describe('forged and over-long options', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.emulator.faults.clear());

  const long = 'x'.repeat(6000);

  it('an unknown subcommand gets a message naming the real ones', async () => {
    const reply = await stack.command('analyst', 'general', 'incident', subcommand('explode', []));
    const declared = ((await loadCommands()).get('incident')?.data.options ?? []).map(
      (o) => o.name,
    );
    expect(declared).toContain('latest');
    expect(reply.message?.content).toBe(
      `\`/incident\` has no subcommand \`explode\`. Use one of: ${declared.join(', ')}.`,
    );
  });

  it('a choice outside the declared ones is refused with the valid values', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', stack.demo.channel('incident-alerts')),
        str('min_severity', 'apocalyptic'),
      ]),
    );
    expect(reply.message?.content).toMatch(
      /^`apocalyptic` is not a valid value for `min_severity`. Use one of: .*critical/,
    );
    expect((await stack.stores.guilds.get(stack.demo.guild.id))?.subscriptions ?? []).toEqual([]);
  });

  it('a number outside the declared range is refused', async () => {
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('latest', [int('count', 100000)]),
    );
    expect(reply.message?.content).toMatch(/^`count` must be between 1 and \d+; got 100000\./);
  });

  it.each([
    ['incident', 'show', 'id'],
    ['incident', 'search', 'since'],
    ['alerts', 'subscribe', 'causes'],
  ])(
    'a 6,000-character /%s %s %s is answered with a clear, short message',
    async (name, sub, option) => {
      const options =
        sub === 'subscribe'
          ? [channel('channel', stack.demo.channel('incident-alerts')), str(option, long)]
          : sub === 'search'
            ? [str('query', 'x'), str(option, long)]
            : [str(option, long)];
      const reply = await stack.command('admin', 'general', name, subcommand(sub, options));
      const content = String(reply.message?.content ?? '');
      expect([...content].length).toBeLessThanOrEqual(2000);
      expect(content).toContain('…');
      expect(content).not.toMatch(/Something went wrong|did not respond/);
      expect(stack.emulator.requests.filter((r) => r.status === 400)).toEqual([]);
    },
  );

  it('a subscribe confirmation with long keyword lists fits in 2,000 characters and says saved', async () => {
    const words = (p: string) =>
      Array.from({ length: 20 }, (_, i) => `${p}${i}`.padEnd(48, 'w')).join(',');
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', stack.demo.channel('incident-alerts')),
        str('keywords', words('k')),
        str('exclude', words('e')),
      ]),
    );
    const content = String(reply.message?.content ?? '');
    expect(content).toMatch(/^<#\d+> is subscribed: /);
    expect([...content].length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/…and \d+ more/);
    const saved = await stack.stores.guilds.get(stack.demo.guild.id);
    expect(saved?.subscriptions[0]?.keywords).toHaveLength(20);
  });
});
