/**
 * Issue 9 points 5 and 13: a token Discord refuses ends `jikenbo start` with exit 1 and a
 * fatal log line (a supervisor restarts it) instead of a process that looks alive and sends
 * nothing; Discord failures at start and deploy print one line saying what to check.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDemoGuild,
  channel,
  DiscordEmulator,
  str,
  subcommand,
  type DemoGuild,
} from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { loadCommands } from '../../src/discord/loadCommands.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startBot, type RunningBot } from '../../src/app/startBot.js';
import { buildClassifier } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import { openStores } from '../../src/store/openStores.js';
import type { DiscordAuthError } from '../../src/discord/index.js';
import { runJikenbo } from '../helpers/runJikenbo.js';
import { CONFIG_DIR } from '../helpers/paths.js';

let emulator: DiscordEmulator;
let demo: DemoGuild;
beforeEach(async () => {
  emulator = await new DiscordEmulator({ heartbeatIntervalMs: 1000 }).start();
  demo = addDemoGuild(emulator.world);
});
afterEach(() => emulator.stop());

const env = () => ({
  DISCORD_TOKEN: emulator.token,
  DISCORD_API_URL: emulator.apiUrl,
  STORE_URL: 'memory://',
  JIKENBO_CONFIG_DIR: CONFIG_DIR,
});

async function bot(onFatal: (err: DiscordAuthError) => void): Promise<RunningBot> {
  const config = loadConfig({ ...env(), LOG_LEVEL: 'silent' }, CONFIG_DIR);
  const stores = await openStores(config.store, silentLogger());
  return startBot({
    config,
    stores,
    classify: buildClassifier(config),
    log: silentLogger(),
    schedulePolls: false,
    onFatal,
  });
}

describe('Discord refuses the token while the bot runs', () => {
  it('a REST 401 calls onFatal once, even when later calls fail too', async () => {
    const fatal: DiscordAuthError[] = [];
    const running = await bot((err) => fatal.push(err));
    emulator.injectFault({ method: 'POST', path: '/messages', times: 2, fault: { status: 401 } });
    const message = {
      content: 'x',
      embeds: [],
      allowed_mentions: { parse: [] as never[], roles: [] },
    };
    const publisher = running.core.publisher!;
    await expect(publisher.publish(demo.channel('general'), message, 'n1')).rejects.toThrow();
    await expect(publisher.publish(demo.channel('general'), message, 'n2')).rejects.toThrow();
    expect(fatal.map((e) => e.where)).toEqual(['rest']);
    await running.stop();
  });

  it('the gateway closing with 4004 calls onFatal', async () => {
    const fatal: DiscordAuthError[] = [];
    const running = await bot((err) => fatal.push(err));
    const seen = new Promise<void>((resolve) =>
      running.client.once('shardDisconnect', () => resolve()),
    );
    emulator.closeGateway(4004);
    await seen;
    expect(fatal.map((e) => e.where)).toEqual(['gateway']);
    await running.stop();
  });

  it('`jikenbo start` exits 1 with one line naming DISCORD_TOKEN after a gateway 4004', async () => {
    const run = runJikenbo(['start'], env());
    // A heartbeat comes after READY: the bot is up and running.
    await emulator.waitForGatewayEvent('gateway.heartbeat');
    emulator.closeGateway(4004);
    const result = await run;
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/4004.*DISCORD_TOKEN/);
  });
});

describe('`jikenbo start` and a REST 401 on an alert', () => {
  it('exits 1 with one line naming DISCORD_TOKEN, and sends nothing after the 401', async () => {
    const feed = await new FeedServer(FIXTURE_ENTRIES.slice(10, 40)).start();
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-401-'));
    try {
      await deployCommands({
        token: emulator.token,
        apiUrl: emulator.apiUrl,
        applicationId: null,
        guildId: demo.guild.id,
        commands: await loadCommands(),
      });
      const run = runJikenbo(['start'], {
        ...env(),
        FEED_URLS: feed.feedUrl,
        STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
        POLL_SCHEDULE: '* * * * * *',
      });
      await emulator.waitForGatewayEvent('gateway.heartbeat');
      await emulator.runCommand(
        { guildId: demo.guild.id, channelId: demo.channel('general'), userId: demo.user('admin') },
        'alerts',
        subcommand('subscribe', [
          channel('channel', demo.channel('incident-alerts')),
          str('min_severity', 'low'),
        ]),
      );
      // The first poll after subscribing is history; the next new post is alerted.
      const served = feed.requests.length;
      await emulator.until(() => feed.requests.length > served + 1, 'two more polls');
      emulator.injectFault({ method: 'POST', path: '/messages', times: 1, fault: { status: 401 } });
      feed.publish(
        ...FIXTURE_ENTRIES.slice(0, 10)
          .filter((e) => e.xml.includes('セキュリティ事件簿'))
          .slice(0, 3),
      );
      const result = await run;
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^jikenbo: Discord answered 401 .*check DISCORD_TOKEN/);
      expect(result.err.split('\n')).toHaveLength(1);
      const posts = emulator.requests.filter(
        (r) => r.method === 'POST' && r.path.includes('/messages'),
      );
      expect(posts.map((r) => r.status)).toEqual([401]);
    } finally {
      await feed.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Discord failures at start and deploy-commands: one line, exit 1, no stack', () => {
  it('start with a token Discord does not know', async () => {
    const result = await runJikenbo(['start'], { ...env(), DISCORD_TOKEN: 'MTAw.bad.token' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^jikenbo: .*check DISCORD_TOKEN/);
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('start with an API URL nothing answers', async () => {
    const result = await runJikenbo(['start'], {
      ...env(),
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^jikenbo: cannot reach Discord at http:\/\/127.0.0.1:1\/api .*check DISCORD_API_URL/,
    );
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('deploy-commands answered 401', async () => {
    emulator.injectFault({ method: 'PUT', times: 1, fault: { status: 401 } });
    const result = await runJikenbo(['deploy-commands', '--guild', demo.guild.id], env());
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^jikenbo: Discord answered 401 .*check DISCORD_TOKEN/);
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('deploy-commands on a guild Discord does not know', async () => {
    const result = await runJikenbo(['deploy-commands', '--guild', '123456789012345678'], env());
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^jikenbo: .*Unknown Guild.*guild id/);
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('deploy-commands with an API URL nothing answers', async () => {
    const result = await runJikenbo(['deploy-commands'], {
      ...env(),
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^jikenbo: cannot reach Discord .*check DISCORD_API_URL/);
  });
});
