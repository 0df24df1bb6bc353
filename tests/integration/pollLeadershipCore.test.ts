/**
 * The core's scheduled tick asks the poll lease first: of two processes on one store (two cores on
 * two store instances of one SQLite file), only the holder fetches the feed; when it stops, it
 * hands the lease over and the other polls on its next tick.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedServer } from '@jikenbo/feed-server';
import { createClassifier } from '../../src/classify/classifyPost.js';
import { loadClassifierRules } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import { createCore, type Core } from '../../src/pipeline/index.js';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { SqlPollLease } from '../../src/store/sql/pollLease.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { testLimits } from '../helpers/limits.js';
import { CONFIG_DIR } from '../helpers/paths.js';

describe('scheduled polls under the poll lease', () => {
  let dir: string;
  let feed: FeedServer;
  let stores: SqlStores[];
  let cores: Core[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jikenbo-lease-'));
    feed = await new FeedServer(FIXTURE_ENTRIES.slice(0, 5)).start();
    const location = { engine: 'sqlite' as const, path: join(dir, 'store.sqlite') };
    stores = [
      await openSqlStores(location, silentLogger()),
      await openSqlStores(location, silentLogger()),
    ];
    const classify = createClassifier(loadClassifierRules(CONFIG_DIR));
    cores = stores.map((s, i) =>
      createCore({
        // Once a year: the schedule never fires during the test; runNow() is the tick.
        config: { feedUrls: [feed.feedUrl], limits: testLimits(), pollSchedule: '0 0 1 1 *' },
        stores: s,
        classify,
        log: silentLogger(),
        pollLeadership: { lease: new SqlPollLease(s.database.db), holder: `process-${i}` },
      }),
    );
  });
  afterEach(async () => {
    for (const core of cores) await core.stop();
    for (const s of stores) await s.close();
    await feed.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('polls in the lease holder only, and in the other process once the holder stops', async () => {
    const [a, b] = cores as [Core, Core];
    const fetches = () => feed.requests.length;
    expect(await a.schedulePolls().runNow()).toHaveLength(1);
    expect(fetches()).toBe(1);
    expect(await b.schedulePolls().runNow()).toEqual([]);
    expect(fetches()).toBe(1);
    await a.stop();
    expect(await b.schedulePolls().runNow()).toHaveLength(1);
    expect(fetches()).toBe(2);
  });

  it('still polls on every tick without a lease (one process, as before)', async () => {
    const solo = createCore({
      config: { feedUrls: [feed.feedUrl], limits: testLimits(), pollSchedule: '0 0 1 1 *' },
      stores: stores[0] as SqlStores,
      classify: createClassifier(loadClassifierRules(CONFIG_DIR)),
      log: silentLogger(),
    });
    await solo.schedulePolls().runNow();
    await solo.schedulePolls().runNow();
    expect(feed.requests.length).toBe(2);
    await solo.stop();
  });
});
