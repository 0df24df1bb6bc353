/**
 * `jikenbo demo [--fast]`: the feed side of jikenbo, offline. A local feed
 * server publishes the fixture posts over time; the real poller reads it,
 * classifies what is new and prints each post as it would be alerted.
 * (The Discord side joins this demo with the local emulator.)
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/loadConfig.js';
import { projectRoot } from '../config/projectRoot.js';
import { loadFixtureEntries } from '../devtools/atomFixtures.js';
import { FeedServer } from '../devtools/feedServer.js';
import { backfillFeed } from '../pipeline/backfill.js';
import { pollTick } from '../pipeline/pollTick.js';
import { memoryStores } from '../store/openStores.js';
import { formatTickResult } from './format.js';
import type { Output } from './pollCommand.js';
import { buildClassifier } from './runtime.js';
import type { Logger } from '../log.js';

export function defaultFixturesDir(): string {
  return join(projectRoot(), '..', 'shared', 'fixtures', 'feeds');
}

export async function runDemo(
  config: Config,
  options: { fast: boolean; fixturesDir: string },
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
  const server = await new FeedServer(history).start();
  const stores = memoryStores();
  const deps = {
    stores,
    classify: buildClassifier(config),
    limits: config.limits,
    now: () => new Date(),
    log,
  };
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  try {
    io.out(
      `demo: local blog at ${server.feedUrl} with ${history.length} posts; ${upcoming.length} more will be published`,
    );
    const show = async () => {
      for (const result of await pollTick([server.feedUrl], deps))
        formatTickResult(result, io.colour).forEach(io.out);
    };
    const backfilled = await backfillFeed(server.feedUrl, deps);
    io.out(
      `backfill: ${backfilled.stored} past posts stored from ${backfilled.pages} page(s), nothing alerted`,
    );
    await show();
    await show();
    for (let i = 0; i < upcoming.length && !stopped; i += 3) {
      if (!options.fast) await sleep(1500);
      server.publish(...upcoming.slice(i, i + 3).reverse());
      io.out(
        `-- the blog published ${Math.min(3, upcoming.length - i)} post(s) (${Math.min(i + 3, upcoming.length)}/${upcoming.length})`,
      );
      await show();
    }
    io.out(
      `demo: ${await stores.posts.count()} posts stored; ${stopped ? 'stopped by Ctrl-C' : 'done'}`,
    );
    return 0;
  } finally {
    process.off('SIGINT', stop);
    await server.stop();
  }
}
