/** A feed server over the shared fixtures, stores, a controllable clock and a record of what was alerted. */
import { loadFixtureEntries, type FixtureEntry, FeedServer } from '@jikenbo/feed-server';
import { createClassifier } from '../../src/classify/classifyPost.js';
import { loadClassifierRules } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import type { PollDeps } from '../../src/pipeline/pollFeed.js';
import type { Stores } from '../../src/store/openStores.js';
import type { StoredPost } from '../../src/store/postStore.js';
import { testLimits } from './limits.js';
import { CONFIG_DIR } from './paths.js';
import { TEST_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';

/** The project's own 66-entry test blog (fictional posts), so these tests run in a plain clone. */
export const FIXTURE_ENTRIES: FixtureEntry[] = loadFixtureEntries(TEST_FEEDS_DIR);

export interface Harness {
  server: FeedServer;
  stores: Stores;
  deps: PollDeps;
  alerted: StoredPost[];
  clock: { now: Date; advance(seconds: number): void };
}

export async function startHarness(stores: Stores, entries: FixtureEntry[]): Promise<Harness> {
  const server = await new FeedServer(entries).start();
  const alerted: StoredPost[] = [];
  const clock = {
    now: new Date('2024-03-01T00:00:00Z'),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const deps: PollDeps = {
    stores,
    classify: createClassifier(loadClassifierRules(CONFIG_DIR)),
    limits: testLimits(),
    now: () => clock.now,
    log: silentLogger(),
    onRecorded: (posts) => {
      alerted.push(...posts);
    },
  };
  return { server, stores, deps, alerted, clock };
}
