/**
 * The HTTP interactions endpoint's timing rules against the emulator: a fast answer is the HTTP
 * response itself (no REST callback); a command still working at the deadline is deferred in the
 * response, and its answer then edits the deferred reply over REST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from 'discord.js';
import {
  addDemoGuild,
  DiscordEmulator,
  SignedInteractionSender,
  subcommand,
  type DemoGuild,
  type InteractionTarget,
} from '@jikenbo/discord-emulator';
import {
  createHttpClient,
  identifyBot,
  publicKeyFromHex,
  startInteractionServer,
  type InteractionServer,
} from '../../src/discord/index.js';
import { silentLogger } from '../../src/log.js';

describe('HTTP interactions endpoint', () => {
  let emulator: DiscordEmulator;
  let demo: DemoGuild;
  let sender: SignedInteractionSender;
  let server: InteractionServer;
  let client: ReturnType<typeof createHttpClient>['client'];
  let route: (interaction: Interaction) => Promise<void>;
  let rest: ReturnType<typeof createHttpClient>['rest'];
  /** An endpoint deferring after `answerWithinMs`; the sender posts to it. */
  const serve = async (answerWithinMs: number) => {
    const started = await startInteractionServer(
      {
        publicKey: publicKeyFromHex(sender.publicKeyHex),
        client,
        rest,
        route: (interaction) => route(interaction),
        log: silentLogger(),
        answerWithinMs,
      },
      0,
      '127.0.0.1',
    );
    sender.url = started.url;
    return started;
  };
  const target = (): InteractionTarget => ({
    guildId: demo.guild.id,
    channelId: demo.channel('general'),
    userId: demo.user('analyst'),
  });

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    demo = addDemoGuild(emulator.world);
    sender = new SignedInteractionSender(emulator);
    const http = createHttpClient(emulator.apiUrl, emulator.token);
    client = http.client;
    await identifyBot(client);
    rest = http.rest;
    server = await serve(100);
  });
  afterAll(async () => {
    await server.close();
    await client.destroy();
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.requests.length = 0;
  });

  it('sends a fast answer as the HTTP response, with no REST callback', async () => {
    route = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'at once' });
    };
    // A deadline no busy machine reaches: the answer, not the defer, must come back.
    const patient = await serve(10_000);
    const sent = await sender.sendCommand(target(), 'incident', subcommand('latest'));
    await patient.close();
    sender.url = server.url;
    expect(sent.body).toEqual({ type: 4, data: expect.objectContaining({ content: 'at once' }) });
    expect(emulator.requests.filter((r) => r.path.includes('/callback'))).toEqual([]);
  });

  it('defers a command still working at the deadline, then edits the reply over REST', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    route = async (interaction) => {
      await gate;
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'late answer' });
    };
    const sent = await sender.sendCommand(target(), 'incident', subcommand('latest'));
    // The response came while the command was still waiting: a deferred, ephemeral reply.
    expect(sent.body).toEqual({ type: 5, data: { flags: 64 } });
    release();
    const reply = await emulator.waitForReply(sent.record);
    expect(reply.message?.content).toBe('late answer');
    expect(
      emulator.requests.some(
        (r) => r.method === 'PATCH' && decodeURIComponent(r.path).endsWith('/messages/@original'),
      ),
    ).toBe(true);
  });

  it('gives a slow autocomplete no choices rather than no answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    route = async (interaction) => {
      await gate;
      if (interaction.isAutocomplete())
        await interaction.respond([{ name: 'late', value: 'late' }]);
    };
    const sent = await sender.sendAutocomplete(target(), 'incident', [
      { name: 'show', type: 1, options: [{ name: 'id', type: 3, value: '20', focused: true }] },
    ]);
    expect(sent.body).toEqual({ type: 8, data: { choices: [] } });
    release();
  });
});
