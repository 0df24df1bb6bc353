/** IncidentArchive on SQL: every lookup is one or two indexed queries, never a scan in memory. */
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { StoredPost } from '../postStore.js';
import {
  MIN_BODY_QUERY,
  incidentIdPrefix,
  normalizeForSearch,
  parseIncidentId,
  rankOf,
} from './archiveRecord.js';
import { foldStats } from './archiveStats.js';
import type {
  ArchiveStats,
  IncidentArchive,
  IncidentRange,
  LatestQuery,
  LinkCandidatesQuery,
  SearchQuery,
  SearchResult,
  StatsQuery,
} from './incidentArchive.js';
import { STREAM_PAGE_SIZE, SUGGEST_LIMIT, type IncidentSuggestion } from './incidentArchive.js';
import type { SqlEngine } from './migrations.js';
import type { SqlSchema } from './schema.js';
import { recordOf } from './sqlPostStore.js';
import { guarded } from './storeError.js';

const eb = expressionBuilder<SqlSchema, 'posts'>();

/** Where a keyset page ends: the last row's position in the newest-first order. */
interface PageCursor {
  sortTime: string;
  id: string;
}

/** `%query%` for LIKE: `%`, `_` and the escape character itself escaped (PostgreSQL's default is `\\`). */
function likePattern(query: string, escape: '\\' | '!' = '\\'): string {
  const special = new Set(['%', '_', escape]);
  return `%${[...query].map((c) => (special.has(c) ? `${escape}${c}` : c)).join('')}%`;
}

/** Same rule as matchesQuery: short queries scan title and organisation, longer ones use the index. */
function textMatch(engine: SqlEngine, query: string): Expression<SqlBool> {
  const short = [...query].length < MIN_BODY_QUERY;
  if (engine === 'postgres')
    return eb(short ? 'search_head' : 'search_text', 'like', likePattern(query));
  // Both sides are normalised (lower case), so LIKE's ASCII case folding changes nothing; it scans
  // the small head index faster than instr().
  if (short) return sql<SqlBool>`search_head like ${likePattern(query, '!')} escape '!'`;
  const contains = sql<SqlBool>`instr(search_text, ${query}) > 0`;
  const phrase = `"${query.replace(/"/g, '""')}"`;
  return eb.and([
    sql<SqlBool>`posts.rowid in (select rowid from posts_fts where posts_fts match ${phrase})`,
    contains,
  ]);
}

/**
 * Below this many matches a search reads its matches by rowid and sorts them; above it, walking the
 * newest-first index finds `limit` matches within about (listed posts / matches) × limit entries.
 */
const FEW_MATCHES = 100;

/** Beyond this range, stats without buckets read every listed post's index entry in group order. */
const LONG_RANGE_DAYS = 400;

function daysBetween(from: string, until: string): number {
  return (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The first day of the incident day's week (Monday) or month, as bucketStart computes it. */
function bucketOf(engine: SqlEngine, bucket: 'week' | 'month' | null) {
  if (bucket === 'month') return sql<string | null>`substr(incident_day, 1, 7) || '-01'`;
  if (bucket === null) return sql<string | null>`null`;
  return engine === 'postgres'
    ? sql<string | null>`to_char(date_trunc('week', incident_day::date), 'YYYY-MM-DD')`
    : sql<string | null>`date(incident_day, '-6 days', 'weekday 1')`;
}

export class SqlIncidentArchive implements IncidentArchive {
  constructor(
    private readonly db: Kysely<SqlSchema>,
    private readonly engine: SqlEngine,
  ) {}

  private newest(where: Expression<SqlBool>, limit: number): Promise<StoredPost[]> {
    return this.db
      .selectFrom('posts')
      .select('record')
      .where(where)
      .orderBy('sort_time', 'desc')
      .orderBy('id', 'asc')
      .limit(limit)
      .execute()
      .then((rows) => rows.map(recordOf));
  }

  latest(q: LatestQuery): Promise<StoredPost[]> {
    return guarded('reading the latest incidents', () => {
      const conditions: Array<Expression<SqlBool>> = [eb('listed', '=', 1)];
      if (q.minSeverity) conditions.push(eb('severity_rank', '>=', rankOf(q.minSeverity)));
      if (q.cause) conditions.push(eb('cause', '=', q.cause));
      return this.newest(eb.and(conditions), q.count);
    });
  }

  search(q: SearchQuery): Promise<SearchResult> {
    return guarded('searching incidents', async () => {
      const filters: Array<Expression<SqlBool>> = [];
      if (q.cause) filters.push(eb('cause', '=', q.cause));
      if (q.severity) filters.push(eb('severity', '=', q.severity));
      if (q.since) filters.push(eb('incident_day', '>=', q.since));
      if (q.until) filters.push(eb('incident_day', '<=', q.until));
      const text = normalizeForSearch(q.query);
      const listed = eb('listed', '=', 1);
      const where = eb.and([listed, ...(text ? [textMatch(this.engine, text)] : []), ...filters]);
      if (this.engine === 'sqlite' && text)
        return this.searchSqlite(text, where, filters, q.limit, q.cause ?? null);
      const counted = await this.db
        .selectFrom('posts')
        .select((e) => e.fn.countAll().as('n'))
        .where(where)
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      return { total, items: total === 0 ? [] : await this.newest(where, q.limit) };
    });
  }

  /**
   * SQLite's planner would walk a `listed` index and test every post against the text index; this
   * counts from the text index (trigram matches, looked up by rowid) or from the small head index
   * (short queries), and collects the matching rowids in the same pass, so a search with few
   * matches reads only those rows and one with many stops early on the newest-first index.
   */
  private async searchSqlite(
    text: string,
    where: Expression<SqlBool>,
    filters: Array<Expression<SqlBool>>,
    limit: number,
    cause: string | null,
  ): Promise<SearchResult> {
    // `+listed` keeps the planner off the listed indexes, so it starts from the text index; with a
    // cause, the (listed, cause) index reads fewer posts than a common word's matches.
    const fromText = [...text].length >= MIN_BODY_QUERY && !cause;
    const counting = eb.and([
      fromText ? sql<SqlBool>`+listed = 1` : eb('listed', '=', 1),
      textMatch('sqlite', text),
      ...filters,
    ]);
    const counted = await this.db
      .selectFrom('posts')
      .select((e) => [
        e.fn.countAll().as('n'),
        sql<string | null>`group_concat(posts.rowid)`.as('ids'),
      ])
      .where(counting)
      .executeTakeFirstOrThrow();
    const total = Number(counted.n);
    if (total === 0) return { total, items: [] };
    if (total > FEW_MATCHES || counted.ids === null) {
      return { total, items: await this.newest(where, limit) };
    }
    const rowids = counted.ids.split(',').map(Number);
    return {
      total,
      items: await this.newest(sql<SqlBool>`posts.rowid in (${sql.join(rowids)})`, limit),
    };
  }

  /**
   * Keyset pages on the newest-first listed index (`posts_listed_newest`): each page starts after
   * the last (sort_time, id) of the one before, so no page is read twice and none is skipped while
   * the archive grows (a post stored meanwhile is either before the cursor or read in its turn).
   */
  async *streamIncidents(range: IncidentRange): AsyncGenerator<StoredPost> {
    const pageSize = Math.max(1, range.pageSize ?? STREAM_PAGE_SIZE);
    const filters: Array<Expression<SqlBool>> = [eb('listed', '=', 1)];
    if (range.since) filters.push(eb('incident_day', '>=', range.since));
    if (range.until) filters.push(eb('incident_day', '<=', range.until));
    let after: PageCursor | null = null;
    for (;;) {
      const rows = await this.incidentPage(filters, after, pageSize);
      for (const row of rows) yield recordOf(row);
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = { sortTime: last.sort_time, id: last.id };
    }
  }

  /** One page of listed posts newest first, starting after `after` (exclusive). */
  private incidentPage(
    filters: Array<Expression<SqlBool>>,
    after: PageCursor | null,
    pageSize: number,
  ): Promise<Array<{ record: string; sort_time: string; id: string }>> {
    const past = after
      ? [
          eb.or([
            eb('sort_time', '<', after.sortTime),
            eb.and([eb('sort_time', '=', after.sortTime), eb('id', '>', after.id)]),
          ]),
        ]
      : [];
    return guarded('reading incidents for an export', () =>
      this.db
        .selectFrom('posts')
        .select(['record', 'sort_time', 'id'])
        .where(eb.and([...filters, ...past]))
        .orderBy('sort_time', 'desc')
        .orderBy('id', 'asc')
        .limit(pageSize)
        .execute(),
    );
  }

  show(idOrLink: string): Promise<StoredPost[]> {
    return guarded('reading an incident', async () => {
      const value = idOrLink.normalize('NFKC').trim();
      if (/^https?:\/\//.test(value)) return this.newest(eb('link', '=', value), 100);
      const byPostId = await this.newest(eb('id', '=', value), 1);
      if (byPostId.length > 0) return byPostId;
      const incidentId = parseIncidentId(value);
      return incidentId ? this.newest(eb('incident_id', '=', incidentId), 100) : [];
    });
  }

  /** Grouped in SQL by bucket, kind, cause and severity: a few hundred rows come back, not one per post. */
  stats(q: StatsQuery): Promise<ArchiveStats> {
    return guarded('counting incidents', async () => {
      let query = this.db
        .selectFrom('posts')
        .select((e) => [
          bucketOf(this.engine, q.bucket ?? null).as('bucket'),
          'kind',
          'cause',
          'severity',
          e.fn.countAll().as('n'),
        ])
        .where('listed', '=', 1)
        .where(this.dayFrom(q));
      if (q.until) query = query.where('incident_day', '<=', q.until);
      const rows = await (
        q.bucket
          ? query.groupBy(['bucket', 'kind', 'cause', 'severity'])
          : query.groupBy(['kind', 'cause', 'severity'])
      ).execute();
      return foldStats(
        rows.map((r) => ({
          bucket: r.bucket,
          kind: r.kind,
          cause: r.cause,
          severity: r.severity,
          count: Number(r.n),
        })),
        q,
      );
    });
  }

  /**
   * The lower day bound of a stats query. Without buckets over a long range, SQLite counts fastest
   * by reading the (listed, kind, cause, severity, day) index in its order, every entry, with no
   * sort; `+` keeps it from seeking the day index instead (whose grouping needs a sort of every
   * match). Short ranges seek the day index. The answer is the same either way.
   */
  private dayFrom(q: StatsQuery): Expression<SqlBool> {
    const until = q.until ?? new Date().toISOString().slice(0, 10);
    if (this.engine === 'sqlite' && !q.bucket && daysBetween(q.from, until) > LONG_RANGE_DAYS) {
      return sql<SqlBool>`+incident_day >= ${q.from}`;
    }
    return eb('incident_day', '>=', q.from);
  }

  suggestIncidentIds(prefix: string, limit = SUGGEST_LIMIT): Promise<string[]> {
    return guarded('suggesting incident ids', async () => {
      const start = incidentIdPrefix(prefix);
      // A range on the index instead of LIKE: no escaping, and it uses the index on both engines.
      const rows = await this.db
        .selectFrom('posts')
        .select('incident_id')
        .distinct()
        .where('incident_id', '>=', start)
        .where('incident_id', '<', `${start}\uffff`)
        .orderBy('incident_id', 'desc')
        .limit(Math.min(limit, SUGGEST_LIMIT))
        .execute();
      return rows.map((r) => r.incident_id as string);
    });
  }

  suggestIncidents(prefix: string, limit = SUGGEST_LIMIT): Promise<IncidentSuggestion[]> {
    return guarded('suggesting incidents', async () => {
      const start = incidentIdPrefix(prefix);
      const wanted = Math.min(limit, SUGGEST_LIMIT);
      const rows = await this.db
        .selectFrom('posts')
        .select(['incident_id', 'organization', 'record'])
        .where('incident_id', '>=', start)
        .where('incident_id', '<', `${start}\uffff`)
        .orderBy('incident_id', 'desc')
        .orderBy('sort_time', 'desc')
        .limit(wanted * 4)
        .execute();
      const out = new Map<string, string>();
      for (const r of rows) {
        if (out.size >= wanted) break;
        const id = r.incident_id as string;
        if (out.has(id)) continue;
        const title = (JSON.parse(r.record) as { post?: { title?: unknown } }).post?.title;
        out.set(id, r.organization ?? (typeof title === 'string' ? title : id));
      }
      return [...out].map(([incidentId, label]) => ({ incidentId, label }));
    });
  }

  /** The newest of each `listed` range (one index), merged: no index of its own to keep up. */
  recent(limit: number): Promise<StoredPost[]> {
    return guarded('reading recent posts', async () => {
      const newestOf = (listed: number) =>
        this.db
          .selectFrom('posts')
          .select(['id', 'sort_time', 'record'])
          .where('listed', '=', listed)
          .orderBy('sort_time', 'desc')
          .orderBy('id', 'asc')
          .limit(limit);
      const rows = await this.db
        .selectFrom(newestOf(0).as('unlisted'))
        .selectAll()
        .unionAll(this.db.selectFrom(newestOf(1).as('listed')).selectAll())
        .orderBy('sort_time', 'desc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map(recordOf);
    });
  }

  /**
   * No ORDER BY in SQL: with one, SQLite prefers posts_listed_newest (ordered, but a scan of every
   * post in the window) to posts_by_org_key. An organisation's posts in a window are few; they are
   * sorted here.
   */
  linkCandidates(q: LinkCandidatesQuery): Promise<StoredPost[]> {
    return guarded('reading link candidates', async () => {
      const rows = await this.db
        .selectFrom('posts')
        .select(['record', 'sort_time', 'id'])
        .where('organization_key', '=', q.organizationKey)
        .where('listed', '=', 1)
        .where('sort_time', '>=', q.since)
        .where('sort_time', '<=', q.until)
        .execute();
      rows.sort((a, b) =>
        a.sort_time !== b.sort_time ? (a.sort_time < b.sort_time ? 1 : -1) : a.id < b.id ? -1 : 1,
      );
      return rows.slice(0, q.limit).map(recordOf);
    });
  }

  incidentPosts(rootId: string): Promise<StoredPost[]> {
    return guarded('reading an incident timeline', async () =>
      (
        await this.newest(eb.or([eb('id', '=', rootId), eb('continues', '=', rootId)]), 100)
      ).reverse(),
    );
  }

  /** One grouped count: a row per feed comes back, not one per post. */
  postsPerFeed(): Promise<Map<string, number>> {
    return guarded('counting posts per feed', async () => {
      const rows = await this.db
        .selectFrom('posts')
        .select((e) => ['feed_url', e.fn.countAll().as('n')])
        .groupBy('feed_url')
        .execute();
      return new Map(rows.map((r) => [r.feed_url, Number(r.n)]));
    });
  }
}
