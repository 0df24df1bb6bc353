/**
 * OutboxStore on SQL, with claims for several processes: a worker claims due deliveries for a lease;
 * nobody else gets them until the lease expires (a killed process's claims come back by themselves).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ClaimingOutboxStore, Delivery } from '../outboxStore.js';
import type { SqlEngine } from './migrations.js';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';
import { deliveryOf, deliveryRowOf, writeNewDeliveries } from './sqlWrites.js';
import { coversAllShards, guildShardSql, type ShardSet } from './shards.js';
import { claimNotingTakeovers, type ClaimedDelivery, type TakeoverDb } from './takeoverClaims.js';
import { leaseRows } from './leaseRows.js';

export type { ClaimingOutboxStore };

export class SqlOutboxStore implements ClaimingOutboxStore {
  constructor(
    private readonly db: Kysely<SqlSchema>,
    private readonly engine: SqlEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  enqueue(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    if (deliveries.length === 0) return Promise.resolve([]);
    return guarded('queueing deliveries', () =>
      this.db.transaction().execute((tx) => writeNewDeliveries(tx, deliveries)),
    );
  }

  get(id: string): Promise<Delivery | null> {
    return guarded('reading a delivery', async () => {
      const row = await this.db
        .selectFrom('deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? deliveryOf(row) : null;
    });
  }

  pending(): Promise<Delivery[]> {
    return guarded('reading pending deliveries', async () => {
      const rows = await this.db
        .selectFrom('deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(deliveryOf);
    });
  }

  /** One statement: the row is replaced whole and its claim released. */
  update(delivery: Delivery): Promise<void> {
    return guarded('updating a delivery', async () => {
      const row = deliveryRowOf(delivery);
      const { id: _id, ...changes } = row;
      await this.db
        .insertInto('deliveries')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    });
  }

  updateClaimed(delivery: Delivery, workerId: string): Promise<boolean> {
    return guarded('updating a claimed delivery', async () => {
      const { id, ...changes } = deliveryRowOf(delivery);
      const result = await this.db
        .updateTable('deliveries')
        .set(changes)
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  /**
   * One UPDATE: PostgreSQL re-checks `claimed_by` on the newest row version, so a takeover wins.
   * It also marks the row as one whose sending began (migration 0010): a taken-over row is looked
   * for in its channel only then (takeoverClaims.ts).
   */
  renewClaim(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    return guarded('renewing a delivery claim', async () => {
      const now = this.now();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const result = await (this.db as unknown as TakeoverDb)
        .updateTable('deliveries')
        .set({ claim_expires_at: until, send_started_at: now.toISOString() })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  claimNotingTakeovers(
    workerId: string,
    limit: number,
    leaseMs: number,
    shards?: ShardSet,
  ): Promise<ClaimedDelivery[]> {
    return claimNotingTakeovers(
      { db: this.db, engine: this.engine },
      { workerId, limit, leaseMs, now: this.now(), ...(shards && { shards }) },
    );
  }

  claim(workerId: string, limit: number, leaseMs: number, shards?: ShardSet): Promise<Delivery[]> {
    return guarded('claiming deliveries', async () => {
      const now = this.now();
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      let due = this.db
        .selectFrom('deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
        .where((eb) => eb.or([eb('hold_until', 'is', null), eb('hold_until', '<=', at)]))
        .where((eb) =>
          eb.or([eb('claim_expires_at', 'is', null), eb('claim_expires_at', '<=', at)]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit);
      if (shards && !coversAllShards(shards))
        due = due.where(guildShardSql(this.engine, shards.count), 'in', [...shards.ids]);
      return this.lease(due, workerId, until);
    });
  }

  /** Leases the rows `due` selects to `workerId` until `until` (leaseRows.ts), oldest first. */
  private async lease(
    due: SelectQueryBuilder<SqlSchema, 'deliveries', { id: string }>,
    workerId: string,
    until: string,
  ): Promise<Delivery[]> {
    const rows = await leaseRows(this.db, this.engine, 'deliveries', due, workerId, until);
    return rows.map(deliveryOf).sort(byAge);
  }

  claimHeld(workerId: string, channelId: string, leaseMs: number): Promise<Delivery[]> {
    return guarded('claiming held deliveries', async () => {
      const now = this.now();
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const due = this.db
        .selectFrom('deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('channel_id', '=', channelId)
        .where('hold_until', 'is not', null)
        .where('hold_until', '<=', at)
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
        .where((eb) =>
          eb.or([
            eb('claim_expires_at', 'is', null),
            eb('claim_expires_at', '<=', at),
            eb('claimed_by', '=', workerId),
          ]),
        );
      return this.lease(due, workerId, until);
    });
  }

  /** One transaction: every row is written while this worker holds it, or none is. */
  updateClaimedAll(deliveries: readonly Delivery[], workerId: string): Promise<boolean> {
    if (deliveries.length === 0) return Promise.resolve(true);
    return guarded('updating claimed deliveries', async () => {
      try {
        await this.db.transaction().execute(async (tx) => {
          for (const delivery of deliveries) {
            const { id, ...changes } = deliveryRowOf(delivery);
            const result = await tx
              .updateTable('deliveries')
              .set(changes)
              .where('id', '=', id)
              .where('claimed_by', '=', workerId)
              .executeTakeFirst();
            if (Number(result.numUpdatedRows) !== 1) throw new LeaseLost();
          }
        });
        return true;
      } catch (err) {
        if (err instanceof LeaseLost) return false;
        throw err;
      }
    });
  }
}

class LeaseLost extends Error {}

const byAge = (a: Delivery, b: Delivery) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;
