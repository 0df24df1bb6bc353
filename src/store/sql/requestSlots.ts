/**
 * Discord's global limit shared by every process on one database, as a schedule of send slots: one
 * row per budget holds the time of its next free slot. A process reserves a few consecutive slots
 * at a time (one round trip per batch, not per request) and sends each at its time, so the
 * processes together send evenly spaced requests, never a burst, whatever their number; a dead
 * process leaves at most its last batch of slots unused. (ADR 0007 first chose a share of
 * 50 / live processes, then one-second windows; see there for why slots replaced both.)
 */
import { sql, type Kysely } from 'kysely';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';

/** The `request_slots` table (migration 0009-shared-budget-request-slots). */
export interface RequestSlotsTable {
  name: string;
  /** Ms since the epoch: the first slot nobody has reserved yet. */
  next_at: number;
  /** Ms since the epoch: the first slot of the last reservation (read back by it). */
  reserved_from: number;
}

/** Reserves send slots, `intervalMs` apart, for every process sharing one budget. */
export interface RequestSlots {
  /**
   * Reserves `count` consecutive slots, the first at `now` or at the next free slot if that is
   * later (and not beyond MAX_SLOTS_AHEAD_MS); resolves the first slot's time (the others follow
   * every `intervalMs`).
   */
  reserve(count: number, intervalMs: number, now: number): Promise<number>;
}

/**
 * A next free slot further ahead than this is not a queue (every process holds a batch of five
 * at most: well under a second) but a clock gone wrong: a process whose clock ran days ahead
 * wrote it. The schedule starts again from `now` instead of making every process wait for it.
 */
export const MAX_SLOTS_AHEAD_MS = 10_000;

/** The budget row's name: one per bot sharing the database. */
export const DISCORD_BUDGET_NAME = 'discord-global';

type SlotsDb = Kysely<SqlSchema & { request_slots: RequestSlotsTable }>;

/** The slots on SQL: one upsert per reservation, on SQLite and PostgreSQL alike. */
export class SqlRequestSlots implements RequestSlots {
  private readonly db: SlotsDb;

  constructor(
    db: Kysely<SqlSchema>,
    private readonly name = DISCORD_BUDGET_NAME,
  ) {
    this.db = db.withTables<{ request_slots: RequestSlotsTable }>();
  }

  reserve(count: number, intervalMs: number, now: number): Promise<number> {
    return guarded('reserving requests of the shared budget', async () => {
      const length = count * intervalMs;
      const from = sql<number>`case when request_slots.next_at > ${now} and request_slots.next_at <= ${now + MAX_SLOTS_AHEAD_MS} then request_slots.next_at else ${now} end`;
      // PostgreSQL locks the conflicting row and applies the update to its newest version; SQLite
      // holds its one write lock: two reservations never overlap. Every SET expression reads the
      // row as it was, so `reserved_from` is where this reservation starts.
      const row = await this.db
        .insertInto('request_slots')
        .values({ name: this.name, next_at: now + length, reserved_from: now })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            reserved_from: from,
            next_at: sql<number>`${from} + ${length}`,
          }),
        )
        .returning('reserved_from')
        .executeTakeFirstOrThrow();
      return Number(row.reserved_from);
    });
  }
}

/** The same slots in memory: for one process's tests and for several gates in one test. */
export class MemoryRequestSlots implements RequestSlots {
  private nextAt = -Infinity;

  async reserve(count: number, intervalMs: number, now: number): Promise<number> {
    const from = this.nextAt > now && this.nextAt <= now + MAX_SLOTS_AHEAD_MS ? this.nextAt : now;
    this.nextAt = from + count * intervalMs;
    return from;
  }
}
