/**
 * The lease step every claiming table shares (deliveries, the publish queue): the rows a query
 * selects are given to one worker until a time, in one UPDATE … RETURNING. PostgreSQL skips rows
 * another process is claiming right now instead of waiting for them; on SQLite the single statement
 * holds the write lock, so claims cannot interleave.
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { SqlEngine } from './migrations.js';
import type { SqlSchema } from './schema.js';

/** Tables whose rows carry a lease: `claimed_by` until `claim_expires_at`. */
export type LeasedTable = 'deliveries' | 'publish_queue';

/** The condition "no live lease at `at`" on a leased table's rows. */
export function leaseFreeAt<T extends LeasedTable>(at: string) {
  return (eb: ExpressionBuilder<SqlSchema, T>) => {
    const e = eb as unknown as ExpressionBuilder<SqlSchema, LeasedTable>;
    return e.or([e('claim_expires_at', 'is', null), e('claim_expires_at', '<=', at)]);
  };
}

/** Leases the rows `due` selects (by id) to `workerId` until `until`; returns them as stored now. */
export async function leaseRows<T extends LeasedTable>(
  db: Kysely<SqlSchema>,
  engine: SqlEngine,
  table: T,
  due: SelectQueryBuilder<SqlSchema, T, { id: string }>,
  workerId: string,
  until: string,
): Promise<Array<SqlSchema[T]>> {
  const ids = engine === 'postgres' ? due.forUpdate().skipLocked() : due;
  // Kysely cannot type one statement over a union of tables: the lease columns are all it needs to
  // know, and the table's real name is what goes into the SQL.
  const rows = await (db as unknown as Kysely<{ leased: LeaseColumns }>)
    .updateTable(table as unknown as 'leased')
    .set({ claimed_by: workerId, claim_expires_at: until })
    .where(
      'id',
      'in',
      ids as unknown as SelectQueryBuilder<{ leased: LeaseColumns }, 'leased', { id: string }>,
    )
    .returningAll()
    .execute();
  return rows as unknown as Array<SqlSchema[T]>;
}

interface LeaseColumns {
  id: string;
  claimed_by: string | null;
  claim_expires_at: string | null;
}
