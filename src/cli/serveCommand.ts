/** `jikenbo serve`: HTTP interactions and REST, no gateway. */
import { ConfigError, type Config } from '../config/loadConfig.js';
import { appLogger, buildClassifier } from '../app/createApp.js';
import { startServe } from '../app/serve.js';
import { openStores } from '../store/openStores.js';
import type { Output } from './pollCommand.js';

export async function runServe(config: Config, io: Output): Promise<number> {
  const missing = [
    ...(config.discord.token ? [] : ['DISCORD_TOKEN = (unset): required by `jikenbo serve`']),
    ...(config.discord.publicKey
      ? []
      : ['DISCORD_PUBLIC_KEY = (unset): required by `jikenbo serve` (64 hex digits)']),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  const log = appLogger(config);
  const stores = await openStores(config.store, log);
  const served = await startServe({ config, stores, classify: buildClassifier(config), log });
  io.out(`jikenbo serves interactions at ${served.url}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await served.stop();
  await stores.close();
  return 0;
}
