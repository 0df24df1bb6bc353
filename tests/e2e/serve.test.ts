/**
 * `jikenbo serve` end to end: the emulator POSTs signed interactions to the bot's HTTP endpoint
 * (no gateway connection at all); the bot answers in the HTTP response, edits and follows up over
 * REST, and delivers alerts over REST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDemoGuild,
  channel,
  DiscordEmulator,
  int,
  SignedInteractionSender,
  str,
  subcommand,
  type DemoGuild,
  type InteractionTarget,
} from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { buildClassifier } from '../../src/app/createApp.js';
import { startServe, type RunningServe } from '../../src/app/serve.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { deployCommands, loadCommands } from '../../src/discord/index.js';
import { silentLogger } from '../../src/log.js';
import { memoryStores, type Stores } from '../../src/store/openStores.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { CONFIG_DIR } from '../helpers/paths.js';
import { FAST_LIMITS } from './stack.js';

describe('jikenbo serve (HTTP interactions, no gateway)', () => {
  let emulator: DiscordEmulator;
  let feed: FeedServer;
  let demo: DemoGuild;
  let sender: SignedInteractionSender;
  let stores: Stores;
  let served: RunningServe;
  const as = (user: string, where = 'general'): InteractionTarget => ({
    guildId: demo.guild.id,
    channelId: demo.channel(where),
    userId: demo.user(user),
  });

  beforeAll(async () => {
    emulator = await new DiscordEmulator({ rateLimits: FAST_LIMITS }).start();
    demo = addDemoGuild(emulator.world);
    feed = await new FeedServer(FIXTURE_ENTRIES.slice(10, 40)).start();
    sender = new SignedInteractionSender(emulator);
    await deployCommands({
      token: emulator.token,
      apiUrl: emulator.apiUrl,
      applicationId: null,
      guildId: demo.guild.id,
      commands: await loadCommands(),
    });
    const config = loadConfig(
      {
        DISCORD_TOKEN: emulator.token,
        DISCORD_API_URL: emulator.apiUrl,
        DISCORD_PUBLIC_KEY: sender.publicKeyHex,
        FEED_URLS: feed.feedUrl,
        STORE_URL: 'memory://',
        LOG_LEVEL: 'silent',
      },
      CONFIG_DIR,
    );
    stores = memoryStores();
    served = await startServe({
      config,
      stores,
      classify: buildClassifier(config),
      log: process.env.DEBUG_SERVE
        ? (await import('../../src/log.js')).createLogger('warn')
        : silentLogger(),
      schedulePolls: false,
      port: 0,
      host: '127.0.0.1',
      deliveryOptions: { baseBackoffSeconds: 0.05, maxBackoffSeconds: 0.2 },
    });
    sender.url = served.url;
    // The first poll stores the feed's posts without alerting: the archive the lookups read.
    await served.core.pollOnce();
  });
  afterAll(async () => {
    await served?.stop();
    await stores?.close();
    await feed?.stop();
    await emulator?.stop();
  });

  it('answers PING with PONG', async () => {
    expect(await sender.ping()).toEqual({ status: 200, body: { type: 1 } });
  });

  it('answers a signed /incident latest in the HTTP response', async () => {
    const sent = await sender.sendCommand(
      as('analyst'),
      'incident',
      subcommand('latest', [int('count', 3)]),
    );
    expect(sent.status).toBe(200);
    const reply = await emulator.waitForReply(sent.record);
    const embeds = (reply.message?.embeds ?? []) as Array<{ description?: string }>;
    expect(embeds[0]?.description?.split('\n')).toHaveLength(3);
    expect(reply.ephemeral).toBe(false);
  });

  it('refuses a forged, a missing and a stale signature with 401, before reading the body', async () => {
    const before = emulator.requests.length;
    const command = emulator.commandInteraction(as('analyst'), 'incident', subcommand('latest'));
    const body = JSON.stringify(command.payload);
    expect((await sender.post(body, 'forged')).status).toBe(401);
    expect((await sender.post(body, 'unsigned')).status).toBe(401);
    expect((await sender.post(body, 'stale')).status).toBe(401);
    expect((await sender.ping('forged')).status).toBe(401);
    // Not JSON at all, forged: still 401, not 400 — the signature is checked first.
    expect((await sender.post('{not json', 'forged')).status).toBe(401);
    // A bad request costs the bot nothing: no REST call went out for any of them.
    expect(emulator.requests.length).toBe(before);
  });

  it('subscribes a channel over HTTP and then delivers an alert over REST, with no gateway', async () => {
    const reply = await sender.runCommand(
      as('admin'),
      'alerts',
      subcommand('subscribe', [
        channel('channel', demo.channel('incident-alerts')),
        str('min_severity', 'info'),
      ]),
    );
    expect(reply.ephemeral).toBe(true);
    expect((await stores.guilds.get(demo.guild.id))?.subscriptions).toHaveLength(1);
    feed.publish(...FIXTURE_ENTRIES.slice(0, 3));
    await served.core.pollOnce();
    const messages = await emulator.waitForMessages(demo.channel('incident-alerts'), 1);
    expect((messages[0]?.embeds as unknown[] | undefined)?.length).toBeGreaterThan(0);
    expect(emulator.gatewayEvents.filter((e) => e.event === 'IDENTIFY')).toEqual([]);
  });

  it('refuses to subscribe a channel of another server named in a forged payload', async () => {
    const other = addDemoGuild(emulator.world, {
      name: 'elsewhere',
      members: [{ name: 'owner' }],
      channels: [{ name: 'alerts' }],
    });
    const reply = await sender.runCommand(
      { ...as('admin'), forgeForeignChannels: true },
      'alerts',
      subcommand('subscribe', [channel('channel', other.channel('alerts'))]),
    );
    expect(String(reply.message?.content)).toMatch(/is not a channel of this server/);
    const subscriptions = (await stores.guilds.get(demo.guild.id))?.subscriptions ?? [];
    expect(subscriptions.map((s) => s.channelId)).not.toContain(other.channel('alerts'));
  });
});
