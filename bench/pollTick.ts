/**
 * A poll tick of an unchanged feed (conditional GET answered 304) and of a
 * changed feed of 25 entries, all new, classified and stored. CPU and wall time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/loadConfig.js';
import { loadFixtureEntries, type FixtureEntry, FeedServer } from '@jikenbo/feed-server';
import { buildClassifier } from '../src/app/createApp.js';
import { defaultFixturesDir } from '../src/cli/demoCommand.js';
import { silentLogger } from '../src/log.js';
import { pollFeed, type PollDeps } from '../src/pipeline/pollFeed.js';
import { memoryStores, openStores, type Stores } from '../src/store/openStores.js';
import { summarize, timed, type Timing } from './stats.js';

const fixtures = loadFixtureEntries(defaultFixturesDir());

/** 25 entries with fresh ids whose bodies are real fixture posts. */
function freshPage(round: number): FixtureEntry[] {
  return Array.from({ length: 25 }, (_, i) => {
    const source = fixtures[(round * 25 + i) % fixtures.length]!;
    const id = `tag:bench,2024:${round}-${i}`;
    return {
      id,
      published: source.published,
      xml: source.xml.replace(/<id>[^<]*<\/id>/, `<id>${id}</id>`),
    };
  });
}

async function benchOn(label: string, stores: Stores, rounds: number): Promise<string[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const server = await new FeedServer(freshPage(0)).start();
  const deps: PollDeps = {
    stores,
    classify: buildClassifier(config),
    limits: config.limits,
    now: () => new Date(),
    log: silentLogger(),
    fanOut: async () => [],
  };
  await pollFeed(server.feedUrl, deps);
  const unchanged: Timing[] = [];
  for (let i = 0; i < rounds; i++)
    unchanged.push(await timed(() => pollFeed(server.feedUrl, deps)));
  const changed: Timing[] = [];
  for (let round = 1; round <= rounds; round++) {
    server.setEntries(freshPage(round));
    changed.push(await timed(() => pollFeed(server.feedUrl, deps)));
  }
  await server.stop();
  await stores.close();
  return [
    summarize(`poll tick, unchanged feed (304), ${label}`, unchanged),
    summarize(`poll tick, 25 new entries, ${label}`, changed),
  ];
}

export async function runPollTickBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-bench-'));
  try {
    return [
      ...(await benchOn('memory', memoryStores(), 100)),
      ...(await benchOn(
        'sqlite',
        await openStores({ kind: 'sqlite', path: join(dir, 'bench.sqlite') }, silentLogger()),
        100,
      )),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
