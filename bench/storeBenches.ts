/**
 * The product on its SQL store (issue 11), through the real paths:
 * - `jikenbo start` against 50,000 stored posts on SQLite: open + migrate + log in, then the first
 *   slash command answered; then p50/p99 of each /incident lookup and of autocomplete, from dispatch
 *   to callback through the emulator.
 * - `backfill` of 1,000 / 10,000 / 50,000 posts from a local feed server into SQLite: posts/s with
 *   fetching, parsing and classifying included, and the store's share (wall and CPU time).
 * Synthetic posts with fictional names (bench/archive.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedServer, makeAtomEntry, type FixtureEntry } from '@jikenbo/feed-server';
import { int, OptionType, str, subcommand, type CommandOption } from '@jikenbo/discord-emulator';
import { buildClassifier } from '../src/app/createApp.js';
import { startDevStack } from '../src/app/devStack.js';
import { loadConfig } from '../src/config/loadConfig.js';
import { silentLogger } from '../src/log.js';
import { backfillFeed } from '../src/pipeline/backfill.js';
import { linkNewPosts } from '../src/incidents/linkNewPosts.js';
import type { StoredPost } from '../src/store/postStore.js';
import { openStores } from '../src/store/openStores.js';
import { syntheticPost } from './archive.js';
import { percentile } from './stats.js';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function fillSqlite(path: string, count: number): Promise<void> {
  const stores = await openStores({ kind: 'sqlite', path }, silentLogger());
  for (let done = 0; done < count; done += 25) {
    const posts = Array.from({ length: Math.min(25, count - done) }, (_, k) =>
      syntheticPost(done + k),
    );
    await stores.recorder.recordNewPosts({
      posts,
      seenIds: posts.map((p) => p.post.id),
      seenAt: new Date(),
      deliveries: [],
    });
  }
  await stores.close();
}

/** Start to first answer, then lookups and autocomplete, with `count` posts on SQLite. */
export async function runSqliteCommandBench(count = 50_000, rounds = 400): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-store-bench-'));
  const path = join(dir, 'bot.sqlite');
  try {
    await fillSqlite(path, count);
    const started = process.hrtime.bigint();
    const stack = await startDevStack({
      store: `sqlite://${path}`,
      emulator: {
        rateLimits: {
          enabled: false,
          globalPerSecond: 50,
          messagesPerChannel: { limit: 5, windowMs: 5000 },
        },
      },
    });
    const bootMs = ms(started);
    await stack.deployCommands();
    const { emulator, demo } = stack;
    const target = {
      guildId: demo.guild.id,
      channelId: demo.channel('general'),
      userId: demo.user('analyst'),
    };
    const firstStart = process.hrtime.bigint();
    await emulator.runCommand(target, 'incident', subcommand('latest', [int('count', 5)]));
    const firstMs = ms(firstStart);
    const idOption = (value: string): CommandOption[] => [
      {
        name: 'show',
        type: OptionType.SubCommand,
        options: [{ name: 'id', type: OptionType.String, value, focused: true }],
      },
    ];
    const plays: Array<[string, () => Promise<unknown>]> = [
      [
        'latest 10',
        () => emulator.runCommand(target, 'incident', subcommand('latest', [int('count', 10)])),
      ],
      [
        'search org',
        () =>
          emulator.runCommand(
            target,
            'incident',
            subcommand('search', [str('query', 'みなと製作所')]),
          ),
      ],
      [
        'search 2 chars',
        () => emulator.runCommand(target, 'incident', subcommand('search', [str('query', 'あお')])),
      ],
      [
        'show id',
        () => emulator.runCommand(target, 'incident', subcommand('show', [str('id', '2022-0500')])),
      ],
      [
        'stats 30 d',
        () => emulator.runCommand(target, 'incident', subcommand('stats', [int('days', 30)])),
      ],
      [
        'stats 10 y',
        () => emulator.runCommand(target, 'incident', subcommand('stats', [int('days', 3650)])),
      ],
      ['autocomplete id', () => emulator.autocomplete(target, 'incident', idOption('2023-01'))],
      ['autocomplete org', () => emulator.autocomplete(target, 'incident', idOption('ひかり'))],
    ];
    const times = new Map<string, number[]>();
    for (let i = 0; i < rounds; i++) {
      const [name, run] = plays[i % plays.length] as [string, () => Promise<unknown>];
      const t = process.hrtime.bigint();
      await run();
      if (i >= plays.length) times.set(name, [...(times.get(name) ?? []), ms(t)]);
    }
    await stack.stop();
    const lines = [
      `sqlite @${count} posts: start (open + migrate + log in) ${bootMs.toFixed(0)} ms; first /incident latest answered ${firstMs.toFixed(1)} ms after`,
    ];
    for (const [name, list] of times) {
      const sorted = [...list].sort((a, b) => a - b);
      lines.push(
        `  ${name.padEnd(17)} dispatch→callback p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms (${sorted.length})`,
      );
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function feedEntries(count: number): FixtureEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const p = syntheticPost(i);
    return {
      id: p.post.id,
      published: p.post.publishedAt as string,
      xml: makeAtomEntry({
        id: p.post.id,
        title: p.post.title,
        html: p.post.html,
        published: p.post.publishedAt as string,
      }),
    };
  }).reverse();
}

/** `backfill` through a local feed server into a new SQLite file, at each size. */
export async function runBackfillBench(sizes = [1_000, 10_000, 50_000]): Promise<string[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const classify = buildClassifier(config);
  const lines: string[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-backfill-bench-'));
    const server = await new FeedServer(feedEntries(size)).start();
    const stores = await openStores(
      { kind: 'sqlite', path: join(dir, 'b.sqlite') },
      silentLogger(),
    );
    let storeMs = 0;
    // CPU time of the writes (user + system): the SQLite work is synchronous, so this is the store's
    // own cost, less swayed than wall time by other processes on the same cores.
    let storeCpuMs = 0;
    let writes = 0;
    const recorder = stores.recorder;
    const timed = {
      ...stores,
      recorder: {
        recordNewPosts: async (batch: Parameters<typeof recorder.recordNewPosts>[0]) => {
          const t = process.hrtime.bigint();
          const cpu = process.cpuUsage();
          const out = await recorder.recordNewPosts(batch);
          const used = process.cpuUsage(cpu);
          storeCpuMs += (used.user + used.system) / 1000;
          storeMs += ms(t);
          writes++;
          return out;
        },
      },
    };
    // The link pass after the walk (incidents linked once everything is stored), timed on its own.
    let linkMs = 0;
    const linkPosts = async (records: StoredPost[]) => {
      const t = process.hrtime.bigint();
      const out = await linkNewPosts(records, stores.archive, {
        windowDays: config.limits.incidents.linkWindowDays,
      });
      linkMs += ms(t);
      return out;
    };
    try {
      const started = process.hrtime.bigint();
      const result = await backfillFeed(server.feedUrl, {
        stores: timed,
        classify,
        limits: config.limits,
        now: () => new Date(),
        log: silentLogger(),
        linkPosts,
      });
      const totalMs = ms(started);
      lines.push(
        `backfill ${String(size).padStart(6)} posts into SQLite: ${(totalMs / 1000).toFixed(2)} s, ${(result.stored / (totalMs / 1000)).toFixed(0)} posts/s end to end ` +
          `(${result.pages} pages of ${config.limits.backfill.pageSize}; fetch+parse+classify included); ` +
          `store alone ${(result.stored / (storeMs / 1000)).toFixed(0)} posts/s, ${(storeMs / result.stored).toFixed(3)} ms/post ` +
          `(CPU ${(storeCpuMs / result.stored).toFixed(3)} ms/post = ${(result.stored / (storeCpuMs / 1000)).toFixed(0)} posts per CPU-second; ${writes} transactions); link pass ${(linkMs / 1000).toFixed(2)} s (${result.linked} linked); cut short: ${result.cutShort ? result.cutShort.by : 'no'}`,
      );
    } finally {
      await stores.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return lines;
}
