/**
 * Migration 0010: when the holder of a delivery began to send it. A deliverer renews its claim
 * just before it sends (sendDelivery.ts) and that renewal now also marks the row. A row taken over
 * from a dead holder is looked for in its channel only when the mark is set: a holder that died
 * before renewing never sent it. Without the mark every row of a dead holder's claim (up to a
 * claim's 100) cost one more request, a look in its channel, before the others could be sent; with
 * it, at most the rows it was sending when it died (its concurrency) do. The mark stays once set
 * (a later holder that dies before renewing may still leave a message of the earlier one).
 */
import type { Kysely, Migration } from 'kysely';

export function sendStarted(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // An ISO time, only ever tested for null.
      await db.schema.alterTable('deliveries').addColumn('send_started_at', 'text').execute();
    },
  };
}
