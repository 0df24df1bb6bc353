/**
 * The SQL engines every SQL contract test runs on: SQLite in a temp file and in `:memory:`, and the
 * local PostgreSQL in a schema of its own per test (dropped afterwards), skipped when it does not answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SqlLocation } from '../../../src/store/sql/openSqlDatabase.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface SqlEngineUnderTest {
  name: string;
  /** The same location every time: opening it again is a restart. */
  location: SqlLocation;
  /** Whether reopening the location finds the data again (not for `:memory:`). */
  durable: boolean;
  cleanup(): Promise<void>;
}

/** Whether something answers on 127.0.0.1:5432 within a second. */
function postgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 5432, timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export const POSTGRES_AVAILABLE = await postgresAnswers();
if (!POSTGRES_AVAILABLE) {
  console.warn('PostgreSQL tests skipped: nothing answers on 127.0.0.1:5432 (CI starts it).');
}

export function sqliteFileEngine(): SqlEngineUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-sql-'));
  return {
    name: 'sqlite file',
    location: { engine: 'sqlite', path: join(dir, 'store.sqlite') },
    durable: true,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function sqliteMemoryEngine(): SqlEngineUnderTest {
  return {
    name: 'sqlite :memory:',
    location: { engine: 'sqlite', path: ':memory:' },
    durable: false,
    cleanup: async () => undefined,
  };
}

export function postgresEngine(): SqlEngineUnderTest {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  return {
    name: 'postgres',
    location: { engine: 'postgres', url: PG_URL, schema },
    durable: true,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export const SQL_ENGINES: Array<() => SqlEngineUnderTest> = [
  sqliteFileEngine,
  sqliteMemoryEngine,
  ...(POSTGRES_AVAILABLE ? [postgresEngine] : []),
];

export const DURABLE_SQL_ENGINES: Array<() => SqlEngineUnderTest> = [
  sqliteFileEngine,
  ...(POSTGRES_AVAILABLE ? [postgresEngine] : []),
];
