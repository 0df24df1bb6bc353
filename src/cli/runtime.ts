/** Builds what the CLI commands share from the validated config: logger, stores, classifier, poll deps. */
import type { Config } from '../config/loadConfig.js';
import { createLogger, type Logger } from '../log.js';
import type { ClassifyPost } from '../pipeline/classifyPosts.js';
import type { PollDeps } from '../pipeline/pollFeed.js';
import { openStores, type Stores } from '../store/openStores.js';
import { createClassifier } from '../classify/classifyPost.js';
import pino from 'pino';

export interface Runtime {
  config: Config;
  log: Logger;
  stores: Stores;
  classify: ClassifyPost;
  pollDeps: PollDeps;
  close(): Promise<void>;
}

/** The classifier the commands use. */
export function buildClassifier(config: Config): ClassifyPost {
  return createClassifier(config.classifierRules);
}

/** Logs go to stderr so that a command's own output on stdout stays readable and pipeable. */
export function cliLogger(config: Config): Logger {
  return createLogger(config.logLevel, pino.destination(2));
}

export async function openRuntime(
  config: Config,
  log: Logger = cliLogger(config),
): Promise<Runtime> {
  const stores = await openStores(config.store, log);
  const classify = buildClassifier(config);
  return {
    config,
    log,
    stores,
    classify,
    pollDeps: { stores, classify, limits: config.limits, now: () => new Date(), log },
    close: () => stores.close(),
  };
}
