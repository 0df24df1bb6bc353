/**
 * The composition root: the one place that turns validated config into a
 * running application — logger, stores, classifier and the core. `start`
 * adds the Discord adapter (startBot.ts); `poll` and `backfill` use the core
 * without a publisher; the demo, the tests and the benches come through here
 * too (devStack.ts).
 */
import pino from 'pino';
import { createClassifier } from '../classify/classifyPost.js';
import type { Config } from '../config/loadConfig.js';
import { createLogger } from '../log.js';
import { createCore, type ClassifyPost, type Core, type Logger } from '../pipeline/index.js';
import { openStores, type Stores } from '../store/openStores.js';
import { checkStoreIdentity, type StoreCheck } from '../store/storeIdentity.js';

/** An application without Discord: what `poll` and `backfill` run. */
export interface App {
  config: Config;
  log: Logger;
  stores: Stores;
  core: Core;
  close(): Promise<void>;
}

/** The classifier every entry point uses, from the validated rules. */
export function buildClassifier(config: Config): ClassifyPost {
  return createClassifier(config.classifierRules);
}

/**
 * The one way loggers are built: at the configured level, to stdout for the
 * bot (its logs are its output), to stderr for commands whose stdout is a
 * result (so it stays readable and pipeable).
 */
export function appLogger(
  config: Pick<Config, 'logLevel'>,
  to: 'stdout' | 'stderr' = 'stdout',
): Logger {
  return createLogger(config.logLevel, to === 'stderr' ? pino.destination(2) : undefined);
}

/**
 * Opens the configured stores and checks that they are the ones used before (the install id kept
 * outside the store); `acceptNewStore` (ACCEPT_NEW_STORE or --accept-new-store) takes a replaced one.
 */
export async function openCheckedStores(
  config: Pick<Config, 'store' | 'stateDir' | 'acceptNewStore'>,
  log: Logger,
  options: { acceptNewStore?: boolean; now?: () => Date } = {},
): Promise<{ stores: Stores; storeCheck: StoreCheck }> {
  const stores = await openStores(config.store, log, options.now ? { now: options.now } : {});
  try {
    const storeCheck = checkStoreIdentity(stores.marker, config.store, {
      stateDir: config.stateDir,
      accept: config.acceptNewStore || options.acceptNewStore === true,
    });
    return { stores, storeCheck };
  } catch (err) {
    await stores.close();
    throw err;
  }
}

/** Opens the stores and builds a core that polls, classifies and stores, but alerts nothing. */
export async function openApp(
  config: Config,
  log: Logger = appLogger(config, 'stderr'),
  options: { acceptNewStore?: boolean } = {},
): Promise<App> {
  const { stores, storeCheck } = await openCheckedStores(config, log, options);
  const core = createCore({ config, stores, classify: buildClassifier(config), log, storeCheck });
  return { config, log, stores, core, close: () => stores.close() };
}
