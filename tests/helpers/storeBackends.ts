/**
 * The store backends every contract test runs against: memory, SQLite (temp file) and the local
 * PostgreSQL (a schema of its own per backend, dropped on cleanup; skipped when it does not answer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { silentLogger } from '../../src/log.js';
import { memoryStores, openStores, type Stores } from '../../src/store/openStores.js';
import { PG_URL, POSTGRES_AVAILABLE } from '../integration/sql/engines.js';

export { PG_URL, POSTGRES_AVAILABLE };

export interface Backend {
  name: string;
  /** Opens stores; calling it again on the same backend instance reopens the same data (a restart). */
  open(): Promise<Stores>;
  cleanup(): Promise<void>;
}

export function memoryBackend(): Backend {
  const stores = memoryStores();
  return { name: 'memory', open: async () => stores, cleanup: async () => undefined };
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-test-'));
  return {
    name: 'sqlite',
    open: () => openStores({ kind: 'sqlite', path: join(dir, 'store.sqlite') }, silentLogger()),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Drops a PostgreSQL schema made for one test. */
export async function dropPostgresSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export function postgresBackend(): Backend {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  return {
    name: 'postgres',
    open: () => openStores({ kind: 'postgres', url: PG_URL, schema }, silentLogger()),
    cleanup: () => dropPostgresSchema(schema),
  };
}

export const BACKENDS: Array<() => Backend> = [
  memoryBackend,
  sqliteBackend,
  ...(POSTGRES_AVAILABLE ? [postgresBackend] : []),
];
