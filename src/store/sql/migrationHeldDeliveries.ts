/**
 * Migration 0006: held deliveries. A digest or quiet-hours alert waits in the outbox until
 * `hold_until`; claims skip it until then, and a digest claims a channel's due held rows together.
 * Rows stored before keep null: instant alerts, as they were.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlEngine } from './migrations.js';

export function heldDeliveries(engine: SqlEngine): Migration {
  const t = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('deliveries').addColumn('hold_until', t).execute();
      // A channel's due held rows (the digest claim) and the next hold to wake up for.
      await db.schema
        .createIndex('deliveries_held')
        .on('deliveries')
        .columns(['status', 'channel_id', 'hold_until'])
        .execute();
    },
  };
}
