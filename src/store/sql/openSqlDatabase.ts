/**
 * Opens the SQL store on SQLite (embedded, one file) or PostgreSQL (shared by several processes),
 * with bounded waits, and brings its schema up to date before anything reads it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { latestSchemaVersion, migrationProvider, type SqlEngine } from './migrations.js';
import type { SqlSchema } from './schema.js';
import { StoreError, toStoreError } from './storeError.js';
import { readStoreMarker, type StoreMarker } from './storeMarker.js';

export type SqlLocation =
  | { engine: 'sqlite'; /** A file path, or `:memory:`. */ path: string }
  | {
      engine: 'postgres';
      url: string;
      /** A schema of its own (created if missing), e.g. per test. */ schema?: string;
    };

export interface SqlTimeouts {
  /** PostgreSQL: how long to wait for a connection. */
  connectMs: number;
  /** PostgreSQL: server-side statement_timeout, and the client's own wait (a little longer). */
  statementMs: number;
  /** SQLite: how long a write waits for another process's lock. */
  busyMs: number;
}

export const DEFAULT_TIMEOUTS: SqlTimeouts = {
  connectMs: 3_000,
  statementMs: 10_000,
  busyMs: 5_000,
};

export interface SqlDatabase {
  readonly engine: SqlEngine;
  readonly db: Kysely<SqlSchema>;
  /** The install id kept in the store; see storeMarker.ts. */
  readonly marker: StoreMarker;
  close(): Promise<void>;
}

export interface OpenSqlOptions {
  timeouts?: Partial<SqlTimeouts>;
  now?: () => Date;
}

/**
 * Kysely prepares every query anew; preparing a 25-row insert costs more than running it. The driver
 * runs one statement at a time on its single connection, so reusing a prepared statement is safe.
 */
function withStatementCache(database: BetterSqliteDatabase, size = 200): SqliteDatabase {
  const statements = new Map<string, ReturnType<BetterSqliteDatabase['prepare']>>();
  return {
    close: () => database.close(),
    prepare(query: string) {
      let statement = statements.get(query);
      if (!statement) {
        statement = database.prepare(query);
        statements.set(query, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

async function sqliteKysely(path: string, t: SqlTimeouts): Promise<Kysely<SqlSchema>> {
  const { default: Database } = await import('better-sqlite3');
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new Database(inMemory ? path : resolve(path), { timeout: t.busyMs });
  if (!inMemory) database.pragma('journal_mode = WAL');
  // NORMAL with WAL: a process crash loses nothing committed; only a power cut may lose the last commits.
  database.pragma('synchronous = NORMAL');
  // 64 MB of page cache: the archive's indexes stay in memory at 50,000 posts.
  database.pragma('cache_size = -65536');
  return new Kysely<SqlSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
}

async function postgresKysely(
  location: Extract<SqlLocation, { engine: 'postgres' }>,
  t: SqlTimeouts,
): Promise<Kysely<SqlSchema>> {
  const { default: pg } = await import('pg');
  const schema = location.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new StoreError(`store: invalid PostgreSQL schema name "${schema}"`, 'failed');
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    query_timeout: t.statementMs + 1_000,
    idle_in_transaction_session_timeout: t.statementMs,
    max: 10,
    // pg_trgm's operators live in public; the store's own tables go to the first schema.
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<SqlSchema>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  // In public, always: created in a per-test schema it would be dropped with that schema.
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  return db;
}

/**
 * Kysely's migrator lists the tables of every schema of the database before it migrates; when
 * another schema is dropped meanwhile (another bot sharing the database, or a test cleaning up),
 * PostgreSQL fails that listing with "schema … does not exist" (3F000) or "relation … does not
 * exist" (42P01) for what vanished.
 * Nothing of ours is wrong then, so the migration is tried again.
 */
function isConcurrentDropOfAnotherSchema(err: unknown, location: SqlLocation): boolean {
  if (location.engine !== 'postgres' || typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  // 3F000: a schema vanished; 42P01: a table of it did ("relation "s.t" does not exist").
  if ((code !== '3F000' && code !== '42P01') || typeof message !== 'string') return false;
  return !location.schema || !message.includes(location.schema);
}

async function migrate(db: Kysely<SqlSchema>, location: SqlLocation): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db, location);
    } catch (err) {
      // Each drop is a short moment: a few tries, about 1 s in all, outlast a burst of them.
      if (attempt >= 10 || !isConcurrentDropOfAnotherSchema(err, location)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

async function migrateOnce(db: Kysely<SqlSchema>, location: SqlLocation): Promise<void> {
  const { error } = await new Migrator({
    db,
    provider: migrationProvider(location.engine),
    // Kysely looks its bookkeeping tables up by schema: name it, or another schema's tables count.
    ...(location.engine === 'postgres' && location.schema
      ? { migrationTableSchema: location.schema }
      : {}),
  }).migrateToLatest();
  if (error) throw error;
}

function describe(location: SqlLocation): string {
  return location.engine === 'sqlite' ? `SQLite at ${location.path}` : 'PostgreSQL';
}

/**
 * Opens, checks and migrates the store. Fails within about `connectMs` with one StoreError when
 * PostgreSQL does not answer, or when the SQLite file cannot be created or written.
 */
export async function openSqlDatabase(
  location: SqlLocation,
  options: OpenSqlOptions = {},
): Promise<SqlDatabase> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const now = options.now ?? (() => new Date());
  let db: Kysely<SqlSchema> | null = null;
  try {
    db =
      location.engine === 'sqlite'
        ? await sqliteKysely(location.path, timeouts)
        : await postgresKysely(location, timeouts);
    await migrate(db, location);
    const marker = await readStoreMarker(db, latestSchemaVersion(location.engine), now);
    const opened = db;
    return { engine: location.engine, db: opened, marker, close: () => opened.destroy() };
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    throw toStoreError(`opening ${describe(location)}`, err);
  }
}
