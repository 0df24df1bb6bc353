/**
 * Schema migrations, versioned here and provided statically (no folder scan), so they run the same
 * from src/ under vitest and from dist/. Add a migration by appending a new entry; never edit one
 * that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { heldDeliveries } from './migrationHeldDeliveries.js';
import { incidentLinks } from './migrationIncidentLinks.js';
import { threadIds } from './migrationThreadIds.js';
import { publishQueue } from './migrationPublishQueue.js';
import { sendStarted } from './migrationSendStarted.js';

export type SqlEngine = 'sqlite' | 'postgres';

/** Binary ordering on PostgreSQL too, so ids and ISO times sort the same on both engines. */
function text(engine: SqlEngine) {
  return engine === 'postgres' ? sql`text collate "C"` : sql`text`;
}

function initialSchema(engine: SqlEngine): Migration {
  const t = text(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('posts')
        .addColumn('id', t, (c) => c.primaryKey())
        .addColumn('incident_id', t)
        .addColumn('sort_time', t, (c) => c.notNull())
        .addColumn('published_at', t)
        .addColumn('published_day', t)
        .addColumn('incident_day', t, (c) => c.notNull())
        .addColumn('stored_at', t, (c) => c.notNull())
        .addColumn('kind', t, (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull())
        .addColumn('cause', t, (c) => c.notNull())
        .addColumn('severity', t, (c) => c.notNull())
        .addColumn('severity_rank', 'integer', (c) => c.notNull())
        .addColumn('organization', 'text')
        .addColumn('affected', 'integer')
        .addColumn('disclosed_day', t)
        .addColumn('feed_url', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('search_head', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      // Lookups list newest first (sort_time desc, id asc): indexes in that order need no sort step.
      await db.schema
        .createIndex('posts_listed_newest')
        .on('posts')
        .columns(['listed', 'sort_time desc', 'id'])
        .execute();
      await db.schema
        .createIndex('posts_listed_cause_newest')
        .on('posts')
        .columns(['listed', 'cause', 'severity_rank', 'sort_time desc', 'id'])
        .execute();
      await db.schema
        .createIndex('posts_newest')
        .on('posts')
        .columns(['sort_time desc', 'id'])
        .execute();
      // Covers the stats query entirely: counted from the index, the table is not read.
      await db.schema
        .createIndex('posts_listed_day')
        .on('posts')
        .columns(['listed', 'incident_day', 'kind', 'cause', 'severity'])
        .execute();
      // Short queries scan title and organisation: from this small index, not from the wide rows.
      await db.schema
        .createIndex('posts_listed_head')
        .on('posts')
        .columns(['listed', 'search_head'])
        .execute();
      await db.schema
        .createIndex('posts_by_incident')
        .on('posts')
        .columns(['incident_id'])
        .execute();
      await db.schema.createIndex('posts_by_org').on('posts').columns(['organization']).execute();
      await db.schema.createIndex('posts_by_link').on('posts').columns(['link']).execute();
      await createTextIndex(db, engine);

      await db.schema
        .createTable('seen_entries')
        .addColumn('id', t, (c) => c.primaryKey())
        .addColumn('seen_at', t, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('id', t, (c) => c.primaryKey())
        .addColumn('post_id', t, (c) => c.notNull())
        .addColumn('guild_id', t, (c) => c.notNull())
        .addColumn('channel_id', t, (c) => c.notNull())
        .addColumn('status', t, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', t)
        .addColumn('last_error', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', t, (c) => c.notNull())
        .addColumn('updated_at', t, (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claim_expires_at', t)
        .execute();
      await db.schema
        .createIndex('deliveries_by_status')
        .on('deliveries')
        .columns(['status', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('deliveries_by_post')
        .on('deliveries')
        .columns(['post_id'])
        .execute();

      await db.schema
        .createTable('meta')
        .addColumn('key', t, (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kv')
        .addColumn('key', t, (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .execute();
    },
  };
}

/** Japanese has no spaces between words: both engines index character trigrams, not words. */
async function createTextIndex(db: Kysely<unknown>, engine: SqlEngine): Promise<void> {
  if (engine === 'postgres') {
    await sql`create index posts_search_trgm on posts using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table posts_fts using fts5(search_text, content='posts', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger posts_fts_insert after insert on posts begin
    insert into posts_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  await sql`create trigger posts_fts_delete after delete on posts begin
    insert into posts_fts(posts_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(
    db,
  );
  await sql`create trigger posts_fts_update after update of search_text on posts begin
    insert into posts_fts(posts_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into posts_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
}

/** The poll leadership lease (pollLease.ts): one row per lease, taken by one worker at a time. */
function pollLease(engine: SqlEngine): Migration {
  const t = text(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('poll_leases')
        .addColumn('name', t, (c) => c.primaryKey())
        .addColumn('holder', t, (c) => c.notNull())
        .addColumn('expires_at', t, (c) => c.notNull())
        .addColumn('term', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}

/**
 * Who held a delivery's lease before it was taken over (takeoverClaims.ts): a worker that died
 * between sending and recording may have sent it, so the new holder checks before sending again.
 */
function deliveryTakeover(engine: SqlEngine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('deliveries').addColumn('taken_over_from', text(engine)).execute();
    },
  };
}

/**
 * Guild settings as rows (issue 10/11): one per bot namespace and server, with a version that every
 * write bumps, so a read-modify-write from any process can compare-and-set. Also the indexes the
 * archive's long-range stats and search need at 50,000 posts.
 */
function guildSettingsAndStatsIndex(engine: SqlEngine): Migration {
  const t = text(engine);
  return {
    // SQLite runs DDL outside a transaction here (Kysely: no transactional DDL on SQLite), so a
    // migration stopped halfway is run again on the next start: each step tolerates being done.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('guild_settings')
        .ifNotExists()
        .addColumn('namespace', t, (c) => c.notNull())
        .addColumn('guild_id', t, (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', t, (c) => c.notNull())
        .addPrimaryKeyConstraint('guild_settings_pk', ['namespace', 'guild_id'])
        .execute();
      // Stats without buckets group by kind, cause and severity: in this order the grouping streams
      // from the index (no sort of every matching post), the day range checked inside the index.
      await db.schema
        .createIndex('posts_listed_kind_cause_day')
        .ifNotExists()
        .on('posts')
        .columns(['listed', 'kind', 'cause', 'severity', 'incident_day'])
        .execute();
      // Every index is written by every stored post. No lookup filters by organisation, and "newest
      // of any kind" merges the two `listed` ranges of posts_listed_newest instead (recent()).
      await db.schema.dropIndex('posts_by_org').ifExists().execute();
      await db.schema.dropIndex('posts_newest').ifExists().execute();
    },
  };
}

/** The global request budget shared by every process (requestSlots.ts): one row per budget. */
function requestSlots(engine: SqlEngine): Migration {
  const t = text(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('request_slots')
        .ifNotExists()
        .addColumn('name', t, (c) => c.primaryKey())
        .addColumn('next_at', 'bigint', (c) => c.notNull())
        .addColumn('reserved_from', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}

/** Every migration, by name; names sort in the order they apply. */
export function migrationsFor(engine: SqlEngine): Record<string, Migration> {
  return {
    '0001-initial-schema': initialSchema(engine),
    '0002-incident-links': incidentLinks(engine),
    '0003-poll-lease': pollLease(engine),
    '0004-delivery-takeover': deliveryTakeover(engine),
    '0005-guild-settings-stats-index': guildSettingsAndStatsIndex(engine),
    '0006-held-deliveries': heldDeliveries(engine),
    '0007-threads-forum-thread-ids': threadIds(engine),
    '0008-announce-publish-queue': publishQueue(engine),
    '0009-shared-budget-request-slots': requestSlots(engine),
    '0010-delivery-send-started': sendStarted(),
  };
}

/** The newest migration's name: the schema version a store opened by this code has. */
export function latestSchemaVersion(engine: SqlEngine): string {
  return Object.keys(migrationsFor(engine)).sort().at(-1) as string;
}

export function migrationProvider(engine: SqlEngine): MigrationProvider {
  return { getMigrations: async () => migrationsFor(engine) };
}
