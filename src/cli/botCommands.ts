/** `jikenbo start` and `jikenbo deploy-commands`. */
import { ConfigError, type Config } from '../config/loadConfig.js';
import { deployCommands } from '../discord/deployCommands.js';
import { loadCommands } from '../discord/loadCommands.js';
import { appLogger, buildClassifier, openCheckedStores } from '../app/createApp.js';
import { startBot } from '../app/startBot.js';
import type { Output } from './pollCommand.js';
import { startHeartbeat } from './heartbeat.js';

function requireToken(config: Config, command: string): string {
  if (!config.discord.token)
    throw new ConfigError([`DISCORD_TOKEN = (unset): required by \`jikenbo ${command}\``]);
  return config.discord.token;
}

export async function runStart(
  config: Config,
  io: Output,
  options: { acceptNewStore?: boolean } = {},
): Promise<number> {
  requireToken(config, 'start');
  const log = appLogger(config);
  const { stores, storeCheck } = await openCheckedStores(config, log, options);
  const bot = await startBot({
    config,
    stores,
    classify: buildClassifier(config),
    log,
    storeCheck,
  });
  io.out(`jikenbo is running as ${bot.client.user?.tag ?? '?'}; Ctrl-C stops`);
  const stopHeartbeat = startHeartbeat(() => bot.client.isReady());
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopHeartbeat();
  await bot.stop();
  await stores.close();
  return 0;
}

export async function runDeployCommands(
  config: Config,
  guildId: string | undefined,
  io: Output,
): Promise<number> {
  const token = requireToken(config, 'deploy-commands');
  const commands = await loadCommands();
  const result = await deployCommands({
    token,
    apiUrl: config.discord.apiUrl,
    applicationId: config.discord.applicationId,
    guildId,
    commands,
  });
  io.out(
    `registered ${result.count} command(s) on ${guildId ? `guild ${guildId}` : 'all guilds (global)'}`,
  );
  return 0;
}
