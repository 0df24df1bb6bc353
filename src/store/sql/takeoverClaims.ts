/**
 * Claims that say which rows were taken over from a worker whose lease ran out. Such a worker may
 * have died after Discord accepted a message and before it recorded that: the row is pending, but
 * the alert may be in the channel already. The new holder checks the channel before sending again
 * (with Discord's nonce check off, or past its window, a resend would be a duplicate). Rows given
 * back by their worker (retry, shutdown) have no holder and are not takeovers.
 */
import { sql, type Kysely } from 'kysely';
import type { Delivery } from '../outboxStore.js';
import type { SqlEngine } from './migrations.js';
import type { DeliveriesTable, SqlSchema } from './schema.js';
import { coversAllShards, guildShardSql, type ShardSet } from './shards.js';
import { guarded } from './storeError.js';
import { deliveryOf } from './sqlWrites.js';

export interface ClaimedDelivery {
  delivery: Delivery;
  /** The worker whose expired lease this claim took over; null when the row was free. */
  takenOverFrom: string | null;
}

/**
 * The deliveries table with the takeover columns (migrations 0004 and 0010), which the rest of the
 * store never reads: the holder a claim took over from, and when sending a row began.
 */
export type TakeoverDb = Kysely<
  Omit<SqlSchema, 'deliveries'> & {
    deliveries: DeliveriesTable & {
      taken_over_from: string | null;
      send_started_at: string | null;
    };
  }
>;

/**
 * `outbox.claim` (same rows, same order, same locking), noting takeovers: the SET reads the row's
 * old holder before it writes the new one.
 */
export function claimNotingTakeovers(
  database: { db: Kysely<SqlSchema>; engine: SqlEngine },
  request: { workerId: string; limit: number; leaseMs: number; now: Date; shards?: ShardSet },
): Promise<ClaimedDelivery[]> {
  return guarded('claiming deliveries', async () => {
    const db = database.db as unknown as TakeoverDb;
    const { workerId, limit, leaseMs, now, shards } = request;
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    let due = db
      .selectFrom('deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
      // Held digest rows wait for their time, as in outbox.claim (migration 0006).
      .where((eb) => eb.or([eb('hold_until', 'is', null), eb('hold_until', '<=', at)]))
      .where((eb) => eb.or([eb('claim_expires_at', 'is', null), eb('claim_expires_at', '<=', at)]))
      // Held rows (a digest not yet due) are `claimHeld`'s, as in `claim`.
      .where((eb) => eb.or([eb('hold_until', 'is', null), eb('hold_until', '<=', at)]))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit);
    if (shards && !coversAllShards(shards))
      due = due.where(guildShardSql(database.engine, shards.count), 'in', [...shards.ids]);
    if (database.engine === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await db
      .updateTable('deliveries')
      .set({
        // Every SET expression sees the row as it was: this is the holder whose lease expired, when
        // it had begun to send the row (renewClaim marks it; migration 0010). A holder that died
        // before that never sent it: the row is sent without a look in its channel.
        taken_over_from: sql<
          string | null
        >`case when send_started_at is not null then claimed_by else null end`,
        claimed_by: workerId,
        claim_expires_at: until,
      })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    return rows
      .map((row) => ({ delivery: deliveryOf(row), takenOverFrom: row.taken_over_from }))
      .sort((a, b) =>
        a.delivery.createdAt === b.delivery.createdAt
          ? a.delivery.id < b.delivery.id
            ? -1
            : 1
          : a.delivery.createdAt < b.delivery.createdAt
            ? -1
            : 1,
      );
  });
}
