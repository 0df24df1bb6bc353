/**
 * Poll leadership: one row per lease name, held by one worker until it expires. Several processes on
 * one database ask before each poll tick; exactly one gets a yes. A leader that dies stops renewing,
 * its lease runs out, and the next process to ask takes it. A lease row (not a PostgreSQL advisory
 * lock) so that SQLite and PostgreSQL share one statement and the holder is visible to operators.
 */
import { sql, type Kysely } from 'kysely';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';

/** The `poll_leases` table (migration 0002-poll-lease). */
export interface PollLeasesTable {
  name: string;
  holder: string;
  /** ISO time; the lease is free from this moment on. */
  expires_at: string;
  /** Counts changes of holder: a new leader sees a higher term than the one before it. */
  term: number;
}

export interface LeaseHolder {
  holder: string;
  expiresAt: string;
  term: number;
}

/** Who polls: asked before every tick by every process sharing a store. */
export interface PollLease {
  /**
   * Takes the lease for `holder` for `ttlMs`, or renews it when `holder` has it already. Resolves
   * the term when `holder` leads from now on, null when another worker holds a live lease.
   */
  acquire(holder: string, ttlMs: number): Promise<number | null>;
  /** Gives the lease up (at shutdown), so another process need not wait for it to expire. */
  release(holder: string): Promise<void>;
  /** The current holder, expired or not; null before anyone took it. */
  current(): Promise<LeaseHolder | null>;
}

export const POLL_LEASE_NAME = 'poll';

type LeaseDb = Kysely<SqlSchema & { poll_leases: PollLeasesTable }>;

/** The lease on SQL: one upsert that only takes a row held by the caller or expired. */
export class SqlPollLease implements PollLease {
  private readonly db: LeaseDb;

  constructor(
    db: Kysely<SqlSchema>,
    private readonly now: () => Date = () => new Date(),
    private readonly name = POLL_LEASE_NAME,
  ) {
    this.db = db.withTables<{ poll_leases: PollLeasesTable }>();
  }

  acquire(holder: string, ttlMs: number): Promise<number | null> {
    return guarded('taking the poll lease', async () => {
      const at = this.now();
      const until = new Date(at.getTime() + ttlMs).toISOString();
      // One statement on both engines: PostgreSQL locks the conflicting row and re-checks the
      // WHERE on its newest version, SQLite holds its single write lock; two callers at the same
      // moment cannot both see the row as free.
      const row = await this.db
        .insertInto('poll_leases')
        .values({ name: this.name, holder, expires_at: until, term: 1 })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({
              holder,
              expires_at: until,
              term: sql<number>`case when poll_leases.holder = ${holder} then poll_leases.term else poll_leases.term + 1 end`,
            })
            .where((eb) =>
              eb.or([
                eb('poll_leases.holder', '=', holder),
                eb('poll_leases.expires_at', '<=', at.toISOString()),
              ]),
            ),
        )
        .returning(['holder', 'term'])
        .executeTakeFirst();
      return row && row.holder === holder ? Number(row.term) : null;
    });
  }

  release(holder: string): Promise<void> {
    return guarded('releasing the poll lease', async () => {
      await this.db
        .updateTable('poll_leases')
        .set({ expires_at: this.now().toISOString() })
        .where('name', '=', this.name)
        .where('holder', '=', holder)
        .execute();
    });
  }

  current(): Promise<LeaseHolder | null> {
    return guarded('reading the poll lease', async () => {
      const row = await this.db
        .selectFrom('poll_leases')
        .selectAll()
        .where('name', '=', this.name)
        .executeTakeFirst();
      return row ? { holder: row.holder, expiresAt: row.expires_at, term: Number(row.term) } : null;
    });
  }
}

/** The same rule in memory: for `memory://` stores (one process) and for tests of the callers. */
export class MemoryPollLease implements PollLease {
  private row: LeaseHolder | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async acquire(holder: string, ttlMs: number): Promise<number | null> {
    const at = this.now();
    const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
    const row = this.row;
    if (row && row.holder !== holder && row.expiresAt > at.toISOString()) return null;
    const term = !row ? 1 : row.holder === holder ? row.term : row.term + 1;
    this.row = { holder, expiresAt, term };
    return term;
  }

  async release(holder: string): Promise<void> {
    if (this.row?.holder === holder)
      this.row = { ...this.row, expiresAt: this.now().toISOString() };
  }

  async current(): Promise<LeaseHolder | null> {
    return this.row ? { ...this.row } : null;
  }
}
