/**
 * The demo script behind `jikenbo demo [--fast]`: the whole product offline.
 * A local Discord (the emulator) and a local blog (publishing the fixture posts over time); the
 * real bot, unchanged, logs in, an admin subscribes two channels, the blog
 * publishes, alerts land, and a member looks incidents up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadFixtureEntries } from '@jikenbo/feed-server';
import {
  channel,
  DISCORD_RATE_LIMITS,
  int,
  role,
  str,
  subcommand,
  type CommandOption,
} from '@jikenbo/discord-emulator';
import { startDevStack } from '../app/devStack.js';
import type { Config } from '../config/loadConfig.js';
import type { Logger } from '../pipeline/index.js';
import type { DemoOptions } from './demoCommand.js';
import type { Output } from './pollCommand.js';
import { progressText } from './progress.js';
import { renderAlertLine, renderReply } from './terminalView.js';

/** Plays the demo; returns the exit code. */
export async function runDemoScript(
  baseConfig: Config,
  options: DemoOptions,
  log: Logger,
  io: Output,
): Promise<number> {
  const entries = loadFixtureEntries(options.fixturesDir);
  if (entries.length === 0) {
    io.out(`no fixture feeds (*.atom.xml) found in ${options.fixturesDir}`);
    return 1;
  }
  const upcoming = entries.slice(0, Math.max(1, Math.round(entries.length * 0.3))).reverse();
  const history = entries.slice(upcoming.length);
  const stack = await startDevStack({
    entries: history,
    emulator: {
      heartbeatIntervalMs: 5000,
      // Discord's real limits, except in --fast where the per-channel bucket would only add waiting.
      rateLimits: options.fast
        ? { ...DISCORD_RATE_LIMITS, messagesPerChannel: { limit: 50, windowMs: 1000 } }
        : DISCORD_RATE_LIMITS,
    },
    configDir: baseConfig.configDir,
    log,
  });
  const { emulator, feed, demo, bot, stores } = stack;
  let stopped = false;
  const stop = () => (stopped = true);
  process.once('SIGINT', stop);
  const channelNames = new Map(demo.guild.channels.map((c) => [c.id, c.name]));
  const names = {
    channels: channelNames,
    roles: new Map(demo.guild.roles.map((r) => [r.id, r.name])),
  };
  const onMessage = (message: { channel_id: string }) =>
    io.out(
      renderAlertLine(
        channelNames.get(message.channel_id) ?? '?',
        message as never,
        io.colour,
        names,
      ),
    );
  emulator.on('message', onMessage);
  try {
    io.out(`demo: local Discord at ${emulator.origin}, local blog at ${feed.feedUrl}`);
    if (options.web) io.out(`demo: web view at ${emulator.viewUrl} (open it in a browser)`);
    io.out(
      `demo: the bot logged in as ${bot.client.user?.tag} and sees the server "${demo.guild.name}"`,
    );
    io.out(`demo: registered ${await stack.deployCommands()} slash commands on the server`);
    const backfilled = await bot.core.backfill(feed.feedUrl, {
      onProgress: (p) =>
        io.out(`demo: backfill page ${p.page}, ${p.entries} entries read, ${p.stored} stored`),
    });
    io.out(`demo: backfilled ${backfilled.stored} past posts (nothing alerted)`);
    await bot.pollOnce();

    const as = (user: string, locale = 'en-US') => ({
      guildId: demo.guild.id,
      channelId: demo.channel('general'),
      userId: demo.user(user),
      locale,
    });
    const play = async (
      label: string,
      user: string,
      name: string,
      opts: CommandOption[],
      locale?: string,
    ) => {
      const reply = await emulator.runCommand(as(user, locale), name, opts);
      for (const line of renderReply(`${user}: ${label}`, reply, names, io.colour)) io.out(line);
      return reply;
    };
    await play(
      '/alerts subscribe channel:#incident-alerts min_severity:low',
      'admin',
      'alerts',
      subcommand('subscribe', [
        channel('channel', demo.channel('incident-alerts')),
        str('min_severity', 'low'),
      ]),
    );
    await play(
      '/alerts subscribe channel:#critical min_severity:critical mention_role:@Security Team',
      'admin',
      'alerts',
      subcommand('subscribe', [
        channel('channel', demo.channel('critical')),
        str('min_severity', 'critical'),
        role('mention_role', demo.role('Security Team')),
      ]),
      'ja',
    );

    for (let i = 0; i < upcoming.length && !stopped; i += 3) {
      if (!options.fast) await sleep(2000);
      const batch = upcoming.slice(i, i + 3);
      feed.publish(...[...batch].reverse());
      io.out(
        `-- the blog published ${batch.length} post(s) ${progressText(Math.min(i + 3, upcoming.length), upcoming.length, io.colour)}`,
      );
      await bot.pollOnce();
      await bot.deliverer.idle();
    }
    if (!stopped) {
      await play(
        '/incident latest count:5',
        'analyst',
        'incident',
        subcommand('latest', [int('count', 5)]),
      );
      const newest =
        (await stores.posts.all()).find((r) => r.classification.incidentId)?.classification
          .incidentId ?? '2024-067';
      await play(
        `/incident show id:${newest}`,
        'analyst',
        'incident',
        subcommand('show', [str('id', newest)]),
        'ja',
      );
      await play(
        '/alerts preview channel:#critical',
        'admin',
        'alerts',
        subcommand('preview', [channel('channel', demo.channel('critical'))]),
      );
    }
    const alerts = ['incident-alerts', 'critical']
      .map((c) => `#${c}: ${emulator.messages(demo.channel(c)).length}`)
      .join(', ');
    io.out(
      `demo: ${stopped ? 'stopped by Ctrl-C' : 'done'} — alerts posted ${alerts}; ${await stores.posts.count()} posts stored`,
    );
    if (options.web && !stopped) {
      io.out(`demo: the web view stays up at ${emulator.viewUrl}; Ctrl-C to stop`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
    return 0;
  } finally {
    process.off('SIGINT', stop);
    emulator.off('message', onMessage);
    await stack.stop();
  }
}
