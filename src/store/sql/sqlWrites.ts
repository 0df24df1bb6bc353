/**
 * The writes of the SQL stores as functions of a connection or a transaction, so a store method and
 * a unit of work (several of them in one transaction) share one implementation.
 */
import type { Kysely, Transaction } from 'kysely';
import { deliverySchema, type Delivery } from '../outboxStore.js';
import { storedPostSchema, type StoredPost } from '../postStore.js';
import { postRowOf } from './archiveRecord.js';
import type { DeliveriesTable, PostsTable, SqlSchema } from './schema.js';

export type Executor = Kysely<SqlSchema> | Transaction<SqlSchema>;

/** Rows per statement: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function lastById<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [idOf(item), item])).values()];
}

/** Every column of a post row but its id: what storing a post again replaces. */
const POST_COLUMNS = [
  'incident_id',
  'sort_time',
  'published_at',
  'published_day',
  'incident_day',
  'stored_at',
  'kind',
  'listed',
  'cause',
  'severity',
  'severity_rank',
  'organization',
  'affected',
  'disclosed_day',
  'feed_url',
  'link',
  'search_text',
  'search_head',
  'record',
  'organization_key',
  'continues',
] as const satisfies ReadonlyArray<keyof PostsTable>;

/** Inserts or replaces posts by id (the FTS triggers follow an update of the text). */
export async function writePosts(db: Executor, records: readonly StoredPost[]): Promise<void> {
  const rows = lastById(records, (r) => r.post.id).map((r) => postRowOf(storedPostSchema.parse(r)));
  for (const part of chunks(rows, 100)) {
    await db
      .insertInto('posts')
      .values(part)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(
              POST_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)]),
            ),
          ),
      )
      .execute();
  }
}

export async function writeSeen(db: Executor, ids: readonly string[], at: Date): Promise<void> {
  const seenAt = at.toISOString();
  for (const part of chunks([...new Set(ids)])) {
    await db
      .insertInto('seen_entries')
      .values(part.map((id) => ({ id, seen_at: seenAt })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

export function deliveryRowOf(delivery: Delivery): DeliveriesTable {
  const d = deliverySchema.parse(delivery);
  return {
    id: d.id,
    post_id: d.postId,
    guild_id: d.guildId,
    channel_id: d.channelId,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    last_error: d.lastError,
    message_id: d.messageId,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    claimed_by: null,
    claim_expires_at: null,
    hold_until: d.holdUntil ?? null,
    thread_id: d.threadId ?? null,
  };
}

export function deliveryOf(row: DeliveriesTable): Delivery {
  return deliverySchema.parse({
    id: row.id,
    postId: row.post_id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    // Instant rows carry no hold at all, as the memory outbox keeps them.
    ...(row.hold_until !== null && { holdUntil: row.hold_until }),
    ...(row.thread_id !== null && row.thread_id !== undefined && { threadId: row.thread_id }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Inserts deliveries whose id is new; returns those inserted, in the order given. */
export async function writeNewDeliveries(
  db: Executor,
  deliveries: readonly Delivery[],
): Promise<Delivery[]> {
  const unique = [...new Map(deliveries.map((d) => [d.id, d])).values()];
  const added = new Set<string>();
  for (const part of chunks(unique)) {
    const rows = await db
      .insertInto('deliveries')
      .values(part.map(deliveryRowOf))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) added.add(row.id);
  }
  return unique.filter((d) => added.has(d.id)).map((d) => deliverySchema.parse(d));
}
