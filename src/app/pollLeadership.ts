/**
 * The poll lease of a store several processes may share: SQL stores (SQLite file, PostgreSQL) get
 * the lease row; memory stores belong to one process and need none.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Stores } from '../pipeline/index.js';
import type { SqlStores } from '../store/sql/openSqlStores.js';
import { SqlPollLease, type PollLease } from '../store/sql/pollLease.js';

/** A worker id unique per process, readable in the lease row: host, pid and a random part. */
export function processWorkerId(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** The poll leadership for `stores`, or undefined when they cannot be shared. */
export function pollLeadershipFor(
  stores: Stores,
  holder = processWorkerId(),
): { lease: PollLease; holder: string } | undefined {
  const database = (stores as Partial<SqlStores>).database;
  return database ? { lease: new SqlPollLease(database.db), holder } : undefined;
}
