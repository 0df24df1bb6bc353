import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { runCli } from '../../src/cli.js';
import { addDemoGuild, type DemoGuild, DiscordEmulator } from '@jikenbo/discord-emulator';

let emulator: DiscordEmulator;
let demo: DemoGuild;
beforeEach(async () => {
  emulator = await new DiscordEmulator().start();
  demo = addDemoGuild(emulator.world);
});
afterEach(() => emulator.stop());

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      STORE_URL: 'memory://',
      LOG_LEVEL: 'silent',
    },
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      colour: false,
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jikenbo deploy-commands', () => {
  it('bulk-overwrites the command set on a guild with --guild', async () => {
    const run = await cli(['deploy-commands', '--guild', demo.guild.id]);
    expect(run).toMatchObject({
      code: 0,
      out: `registered 5 command(s) on guild ${demo.guild.id}`,
    });
    expect(
      (emulator.world.guildCommands.get(demo.guild.id) ?? []).map((c) => c.name).sort(),
    ).toEqual(['alerts', 'feed', 'help', 'incident', 'watch']);
    expect(emulator.world.globalCommands).toEqual([]);
  });

  it('registers globally without --guild, replacing what was there', async () => {
    await cli(['deploy-commands']);
    const run = await cli(['deploy-commands']);
    expect(run.code).toBe(0);
    expect(emulator.world.globalCommands).toHaveLength(5);
    expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });
});

describe('emulator component interactions', () => {
  it('delivers a button press that discord.js reads as a button interaction', async () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: emulator.apiUrl },
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isButton())
        void interaction.reply({ content: `pressed ${interaction.customId}` });
    });
    await client.login(emulator.token);
    await ready;
    const target = {
      guildId: demo.guild.id,
      channelId: demo.channel('general'),
      userId: demo.user('analyst'),
    };
    const message = {
      id: '1',
      channel_id: target.channelId,
      author: emulator.world.botUser,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      type: 0,
      tts: false,
      mention_everyone: false,
      pinned: false,
    };
    const reply = await emulator.component(target, 'more', message);
    expect(reply).toMatchObject({ type: 4, message: { content: 'pressed more' } });
    await client.destroy();
  });
});
