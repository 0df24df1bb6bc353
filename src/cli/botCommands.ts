/**
 * `jikenbo start` and `jikenbo deploy-commands`. Discord failures an operator
 * can fix (bad token, Unknown Guild, unreachable API URL) print one line saying
 * what to check and exit 1; a token refused while running exits 1 after a fatal
 * log line, so a supervisor restarts the bot instead of it living on dead.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError, type Config } from '../config/loadConfig.js';
import { deployCommands } from '../discord/deployCommands.js';
import { describeDiscordFailure, type DiscordAuthError } from '../discord/index.js';
import { loadCommands } from '../discord/loadCommands.js';
import { appLogger, buildClassifier, openCheckedStores } from '../app/createApp.js';
import { startBot } from '../app/startBot.js';
import type { Output } from './pollCommand.js';
import { startHeartbeat } from './heartbeat.js';

export interface BotIo extends Output {
  err: (line: string) => void;
}

/** How long `start` may take to stop after a signal or a fatal error (a hung REST call included). */
export const STOP_WITHIN_MS = 6000;

export interface StartOptions {
  /** Accept a store whose identity does not match (ACCEPT_NEW_STORE / --accept-new-store). */
  acceptNewStore?: boolean;
  /** Resolves when the process should stop (tests); default: the first SIGINT or SIGTERM. */
  stopSignal?: Promise<unknown>;
  stopWithinMs?: number;
}

function requireToken(config: Config, command: string): string {
  if (!config.discord.token)
    throw new ConfigError([`DISCORD_TOKEN = (unset): required by \`jikenbo ${command}\``]);
  return config.discord.token;
}

function signalled(): { promise: Promise<string>; dispose: () => void } {
  let dispose = () => undefined as void;
  const promise = new Promise<string>((resolve) => {
    const on = (signal: string) => resolve(signal);
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
    dispose = () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    };
  });
  return { promise, dispose };
}

/** Resolves true when `work` finished within `ms`, false when it did not (it keeps running). */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  const timer = new AbortController();
  const finished = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    delay(ms, false, { signal: timer.signal }).catch(() => false),
  ]);
  timer.abort();
  return finished;
}

export async function runStart(
  config: Config,
  io: BotIo,
  options: StartOptions = {},
): Promise<number> {
  requireToken(config, 'start');
  const log = appLogger(config);
  const { stores, storeCheck } = await openCheckedStores(config, log, options);
  let onFatal: (err: DiscordAuthError) => void = () => undefined;
  const fatal = new Promise<DiscordAuthError>((resolve) => (onFatal = resolve));
  let bot;
  try {
    bot = await startBot({
      config,
      stores,
      classify: buildClassifier(config),
      log,
      storeCheck,
      onFatal,
    });
  } catch (err) {
    await stores.close();
    const line = describeDiscordFailure(err, { apiUrl: config.discord.apiUrl });
    if (!line) throw err;
    log.fatal({ err: { name: (err as Error).name, message: (err as Error).message } }, line);
    io.err(`jikenbo: ${line}`);
    return 1;
  }
  io.out(`jikenbo is running as ${bot.client.user?.tag ?? '?'}; Ctrl-C stops`);
  const stopHeartbeat = startHeartbeat(() => bot.client.isReady());
  const signals = signalled();
  const outcome = await Promise.race([
    (options.stopSignal ?? signals.promise).then(() => null),
    fatal,
  ]);
  signals.dispose();
  stopHeartbeat();
  const stopWithinMs = options.stopWithinMs ?? STOP_WITHIN_MS;
  const running = bot;
  const stopped = await within(
    stopWithinMs,
    (async () => {
      await running.stop();
      await stores.close();
    })(),
  );
  if (!stopped)
    log.warn(
      { stopWithinMs },
      'stop did not finish in time (a Discord or store call hangs); exiting without it',
    );
  if (outcome) {
    io.err(`jikenbo: ${describeDiscordFailure(outcome, { apiUrl: config.discord.apiUrl })}`);
    return 1;
  }
  return 0;
}

export async function runDeployCommands(
  config: Config,
  guildId: string | undefined,
  io: BotIo,
): Promise<number> {
  const token = requireToken(config, 'deploy-commands');
  const commands = await loadCommands();
  let result;
  try {
    result = await deployCommands({
      token,
      apiUrl: config.discord.apiUrl,
      applicationId: config.discord.applicationId,
      guildId,
      commands,
    });
  } catch (err) {
    const line = describeDiscordFailure(err, {
      apiUrl: config.discord.apiUrl,
      guildId,
      applicationId: config.discord.applicationId,
    });
    if (!line) throw err;
    io.err(`jikenbo: ${line}`);
    return 1;
  }
  io.out(
    `registered ${result.count} command(s) on ${guildId ? `guild ${guildId}` : 'all guilds (global)'}`,
  );
  return 0;
}
