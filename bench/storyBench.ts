/**
 * Incident linking and watch matching per new post (issue 12), with 50,000 stored posts and 10,000
 * watched names across 100 servers: linking through the SQL archive's index (SQLite) and over an
 * in-memory post store, matching against every server's watches in one automaton. Synthetic posts
 * and names (fictional).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNewPosts } from '../src/incidents/linkNewPosts.js';
import { MemoryIncidentArchive } from '../src/store/sql/memoryIncidentArchive.js';
import { silentLogger } from '../src/log.js';
import type { GuildSettings } from '../src/store/guildSettings.js';
import { MemoryPostStore, type StoredPost } from '../src/store/postStore.js';
import { openSqlStores } from '../src/store/sql/openSqlStores.js';
import { buildWatchIndex, watchHits } from '../src/subscriptions/matchWatches.js';
import { addWatch } from '../src/subscriptions/watchlist.js';
import { syntheticPost } from './archive.js';
import { percentile } from './stats.js';

const STORED = 50_000;
const SERVERS = 100;
const NAMES_PER_SERVER = 100;
const NEW_POSTS = 500;
const OPTIONS = { windowDays: 400 };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const f = (n: number) => n.toFixed(3).padStart(8);

/** A new post after the archive: an update of a stored organisation, citing 既報. */
function newPost(i: number): StoredPost {
  const base = syntheticPost(STORED - 5_000 + i * 7);
  const published = new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString();
  return {
    ...base,
    post: {
      ...base.post,
      id: `tag:bench,2024:new-${i}`,
      publishedAt: published,
      text: `既報の件について続報です。${base.post.text}`,
    },
    classification: { ...base.classification, kind: 'incident_update', reasons: [] },
    storedAt: published,
  };
}

/** 100 servers × 100 names: each server watches 99 fictional suppliers and one stored organisation. */
function watchingServers(): GuildSettings[] {
  const at = new Date().toISOString();
  return Array.from({ length: SERVERS }, (_, g) => {
    let settings: GuildSettings | null = null;
    for (let n = 0; n < NAMES_PER_SERVER; n++) {
      const name =
        n === 0
          ? (syntheticPost(STORED - 5_000 + g * 35).classification.organization as string)
          : `取引先${g}号${n}商会`;
      settings = addWatch(settings, `g${g}`, name, { channelId: `c${g}`, mentionRoleId: null }, at);
    }
    return settings as GuildSettings;
  });
}

function line(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${name.padEnd(52)} n=${sorted.length}  p50 ${f(percentile(sorted, 50))} ms  p99 ${f(percentile(sorted, 99))} ms`;
}

export async function runStoryBench(): Promise<string[]> {
  const out = [
    `incident linking + watch matching — ${STORED} stored posts, ${SERVERS * NAMES_PER_SERVER} watched names`,
  ];
  const posts = Array.from({ length: STORED }, (_, i) => syntheticPost(i));
  const fresh = Array.from({ length: NEW_POSTS }, (_, i) => newPost(i));

  const guilds = watchingServers();
  let started = process.hrtime.bigint();
  const index = buildWatchIndex(guilds);
  out.push(`  watch index over ${index.size} names built in ${ms(started).toFixed(1)} ms`);
  const matching: number[] = [];
  let hits = 0;
  for (const record of fresh) {
    started = process.hrtime.bigint();
    hits += watchHits(record, index).length;
    matching.push(ms(started));
  }
  out.push(line('  watch matching per new post', matching) + `  (${hits} hits)`);

  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-story-bench-'));
  const stores = await openSqlStores(
    { engine: 'sqlite', path: join(dir, 'bench.sqlite') },
    silentLogger(),
  );
  try {
    for (let i = 0; i < STORED; i += 1_000) await stores.posts.put(posts.slice(i, i + 1_000));
    const sqlLinking: number[] = [];
    const total: number[] = [];
    let linked = 0;
    for (const record of fresh) {
      started = process.hrtime.bigint();
      const [result] = await linkNewPosts([record], stores.archive, OPTIONS);
      const linkMs = ms(started);
      watchHits(record, index);
      total.push(ms(started));
      sqlLinking.push(linkMs);
      if (result?.classification.reasons.some((r) => r.label === 'continues')) linked++;
    }
    out.push(
      line('  linking per new post, SQLite archive index', sqlLinking) + `  (${linked} linked)`,
    );
    out.push(line('  linking + watch matching per new post (SQLite)', total));
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const memory = new MemoryPostStore();
  await memory.put(posts);
  const source = new MemoryIncidentArchive(memory);
  await linkNewPosts([fresh[0] as StoredPost], source, OPTIONS);
  const memoryLinking: number[] = [];
  for (const record of fresh) {
    started = process.hrtime.bigint();
    await linkNewPosts([record], source, OPTIONS);
    memoryLinking.push(ms(started));
  }
  out.push(line('  linking per new post, in-memory archive (memory://)', memoryLinking));
  return out;
}
