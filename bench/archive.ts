/**
 * The SQL archive at 50,000 posts (issue 11): storing in pages of 25 (posts/s per stretch, to see that
 * the per-post cost stays flat), opening and answering a first lookup, and p50/p99 of each lookup.
 * On SQLite, and on PostgreSQL when 127.0.0.1:5432 answers. Synthetic posts with fictional names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { CAUSES, KINDS, SEVERITIES } from '../src/classify/vocabulary.js';
import { silentLogger } from '../src/log.js';
import type { StoredPost } from '../src/store/postStore.js';
import type { SqlLocation } from '../src/store/sql/openSqlDatabase.js';
import { openSqlStores, type SqlStores } from '../src/store/sql/openSqlStores.js';
import { percentile } from './stats.js';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const CHECKPOINTS = [1_000, 10_000, 50_000];
const PAGE = 25;
const SAMPLES = 200;

const PREFIXES = ['株式会社', '有限会社', '医療法人', '学校法人', ''];
const NAMES = [
  'あおば',
  'みなと',
  'ひかり',
  'さくら',
  'つばさ',
  'こだま',
  'わかば',
  'ほくと',
  'いずみ',
  'かなで',
];
const SUFFIXES = [
  '製作所',
  '商事',
  '信用金庫',
  '市役所',
  '病院',
  '大学',
  'ホールディングス',
  '運輸',
];
const EVENTS = [
  '不正アクセス',
  'ランサムウェア感染',
  'メール誤送信',
  '個人情報漏えいの可能性',
  'フィッシング被害',
  'サイト改ざん',
];
const SENTENCES = [
  '外部の専門機関と連携して調査を進めています。',
  '対象となるお客様には個別にご連絡いたします。',
  '現時点で二次被害の報告は確認されていません。',
  '再発防止策として監視体制を強化しました。',
  '関係当局へ報告し、引き続き対応してまいります。',
];

/** Post `i` of the synthetic archive: ~40 posts a day from 2021 on, names and words cycling. */
export function syntheticPost(i: number): StoredPost {
  const published = new Date(Date.UTC(2021, 0, 1) + i * 36 * 60_000).toISOString();
  const org = `${PREFIXES[i % 5]}${NAMES[(i >> 2) % 10]}${SUFFIXES[(i >> 4) % 8]}${i % 97}`;
  const event = EVENTS[i % EVENTS.length] as string;
  const text = Array.from({ length: 12 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join('');
  return {
    post: {
      id: `tag:bench,2024:post-${i}`,
      feedUrl: 'http://127.0.0.1/feed',
      link: `https://blog.example.test/${i}.html`,
      title: `${org}で${event}、${(i % 50) * 120 + 10}件の情報に影響か`,
      publishedAt: published,
      updatedAt: null,
      categories: [event],
      html: `<p>${text}</p>`,
      text: `${org}は${event}を公表しました。${text}`,
    },
    classification: {
      kind: KINDS[i % 13 === 0 ? 2 : i % 7 === 0 ? 1 : 0] as StoredPost['classification']['kind'],
      cause: CAUSES[i % CAUSES.length] as StoredPost['classification']['cause'],
      secondaryCauses: [],
      severity: SEVERITIES[
        (i >> 1) % SEVERITIES.length
      ] as StoredPost['classification']['severity'],
      incidentId: `${published.slice(0, 4)}-${String((i % 3000) + 1).padStart(4, '0')}`,
      organization: org,
      affected: (i % 50) * 120 + 10,
      dataTypes: ['name', 'email'],
      disclosedOn: published.slice(0, 10),
      disruption: false,
      reasons: [{ label: 'kind', value: 'incident', rule: 'bench', evidence: [event] }],
    },
    storedAt: published,
  };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const f = (n: number) => n.toFixed(2).padStart(8);

async function storeAll(
  stores: SqlStores,
  count: number,
  out: string[],
  engine: string,
): Promise<void> {
  const started = process.hrtime.bigint();
  let stretch = process.hrtime.bigint();
  let from = 0;
  for (let done = 0; done < count; done += PAGE) {
    const posts = Array.from({ length: Math.min(PAGE, count - done) }, (_, k) =>
      syntheticPost(done + k),
    );
    await stores.recorder.recordNewPosts({
      posts,
      seenIds: posts.map((p) => p.post.id),
      seenAt: new Date(),
      deliveries: [],
    });
    const stored = done + posts.length;
    if (CHECKPOINTS.includes(stored)) {
      const stretchMs = ms(stretch);
      out.push(
        `archive ${engine}: stored ${String(stored).padStart(6)} posts in ${(ms(started) / 1000).toFixed(2)} s` +
          ` — posts ${from + 1}–${stored}: ${((stored - from) / (stretchMs / 1000)).toFixed(0)} posts/s,` +
          ` ${(stretchMs / (stored - from)).toFixed(3)} ms/post`,
      );
      stretch = process.hrtime.bigint();
      from = stored;
    }
  }
}

async function lookups(
  stores: SqlStores,
  count: number,
  out: string[],
  engine: string,
): Promise<void> {
  const a = stores.archive;
  const queries: Array<[string, (i: number) => Promise<unknown>]> = [
    ['latest 5', () => a.latest({ count: 5 })],
    [
      'latest 5, high+, one cause',
      (i) => a.latest({ count: 5, minSeverity: 'high', cause: CAUSES[i % 13] }),
    ],
    [
      'search org name (3+ chars)',
      (i) => a.search({ query: `${NAMES[i % 10]}${SUFFIXES[i % 8]}`, limit: 5 }),
    ],
    ['search 2 chars', (i) => a.search({ query: (NAMES[i % 10] as string).slice(0, 2), limit: 5 })],
    [
      'search word + cause + period',
      (i) =>
        a.search({
          query: '誤送信',
          cause: CAUSES[i % 13],
          since: '2022-01-01',
          until: '2022-12-31',
          limit: 5,
        }),
    ],
    [
      'search rare phrase',
      (i) => a.search({ query: `${NAMES[i % 10]}${SUFFIXES[(i >> 1) % 8]}${i % 97}で`, limit: 5 }),
    ],
    ['stats 30 days', () => a.stats({ from: '2024-05-01', until: '2024-05-31' })],
    [
      'stats 1 year by month',
      () => a.stats({ from: '2023-01-01', until: '2023-12-31', bucket: 'month' }),
    ],
    ['show incident id', (i) => a.show(`2022-${String((i % 3000) + 1).padStart(4, '0')}`)],
    ['show post id', (i) => a.show(`tag:bench,2024:post-${(i * 7919) % count}`)],
    ['suggest incident ids', (i) => a.suggestIncidentIds(`202${i % 4}-0${i % 10}`)],
    ['recent 20 (preview)', () => a.recent(20)],
  ];
  for (const [name, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = process.hrtime.bigint();
      await run(i);
      times.push(ms(start));
    }
    times.sort((x, y) => x - y);
    out.push(
      `archive ${engine} @${count}: ${name.padEnd(30)} p50 ${f(percentile(times, 50))} ms  p99 ${f(percentile(times, 99))} ms`,
    );
  }
}

async function benchOn(
  location: SqlLocation,
  engine: string,
  count: number,
  out: string[],
): Promise<void> {
  const log = silentLogger();
  const first = await openSqlStores(location, log);
  await storeAll(first, count, out, engine);
  // PostgreSQL's autovacuum analyses a table that grew this much, but on its own schedule: do it now
  // so the lookup figures do not depend on whether it has run yet.
  if (location.engine === 'postgres') await sql`analyze posts`.execute(first.database.db);
  await first.close();
  const start = process.hrtime.bigint();
  const reopened = await openSqlStores(location, log);
  await reopened.archive.latest({ count: 5 });
  out.push(
    `archive ${engine} @${count}: open + first lookup (latest 5) ${ms(start).toFixed(1)} ms`,
  );
  await lookups(reopened, count, out, engine);
  await reopened.close();
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs the archive bench on SQLite and, when it answers, PostgreSQL; returns printable lines. */
export async function runArchiveBench(count = 50_000): Promise<string[]> {
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-archive-bench-'));
  try {
    await benchOn({ engine: 'sqlite', path: join(dir, 'archive.sqlite') }, 'sqlite', count, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await postgresAnswers())) {
    out.push('archive postgres: skipped, nothing answers on 127.0.0.1:5432');
    return out;
  }
  const schema = `bench_${randomUUID().replace(/-/g, '')}`;
  try {
    await benchOn({ engine: 'postgres', url: PG_URL, schema }, 'postgres', count, out);
  } finally {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
  return out;
}
