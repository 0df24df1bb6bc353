/**
 * CrosspostQueue on SQL (table publish_queue, migration 0007): the publishes of announcement
 * channels, claimed for a lease with the outbox's lease step (leaseRows.ts), so several processes
 * never publish one message twice and a killed process's claims come back when they expire.
 */
import type { Kysely } from 'kysely';
import { crosspostSchema, type Crosspost, type CrosspostQueue } from '../crosspostQueue.js';
import type { SqlEngine } from './migrations.js';
import type { PublishQueueTable, SqlSchema } from './schema.js';
import { leaseFreeAt, leaseRows } from './leaseRows.js';
import { guarded } from './storeError.js';

function crosspostOf(row: PublishQueueTable): Crosspost {
  return crosspostSchema.parse({
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    dueAt: row.due_at,
    lastError: row.last_error,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** The row's columns but its lease (written by claims, released by updates). */
function columnsOf(c: Crosspost): Omit<PublishQueueTable, 'claimed_by' | 'claim_expires_at'> {
  return {
    id: c.id,
    guild_id: c.guildId,
    channel_id: c.channelId,
    message_id: c.messageId,
    status: c.status,
    attempts: c.attempts,
    due_at: c.dueAt,
    last_error: c.lastError,
    published_at: c.publishedAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export class SqlCrosspostQueue implements CrosspostQueue {
  constructor(
    private readonly db: Kysely<SqlSchema>,
    private readonly engine: SqlEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(crosspost: Crosspost): Promise<boolean> {
    return guarded('queueing a publish', async () => {
      const result = await this.db
        .insertInto('publish_queue')
        .values({
          ...columnsOf(crosspostSchema.parse(crosspost)),
          claimed_by: null,
          claim_expires_at: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    });
  }

  get(id: string): Promise<Crosspost | null> {
    return guarded('reading a publish', async () => {
      const row = await this.db
        .selectFrom('publish_queue')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? crosspostOf(row) : null;
    });
  }

  claim(workerId: string, limit: number, leaseMs: number): Promise<Crosspost[]> {
    return guarded('claiming publishes', async () => {
      const now = this.now();
      const at = now.toISOString();
      const due = this.db
        .selectFrom('publish_queue')
        .select('id')
        .where('status', '=', 'pending')
        .where('due_at', '<=', at)
        .where(leaseFreeAt<'publish_queue'>(at))
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit);
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const rows = await leaseRows(this.db, this.engine, 'publish_queue', due, workerId, until);
      return rows
        .map(crosspostOf)
        .sort((a, b) =>
          a.dueAt === b.dueAt ? (a.id < b.id ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1,
        );
    });
  }

  updateClaimed(crosspost: Crosspost, workerId: string): Promise<boolean> {
    return guarded('updating a claimed publish', async () => {
      const { id, ...changes } = columnsOf(crosspostSchema.parse(crosspost));
      const result = await this.db
        .updateTable('publish_queue')
        .set({ ...changes, claimed_by: null, claim_expires_at: null })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  publishedSince(channelId: string, since: string): Promise<string[]> {
    return guarded('reading a channel’s publishes', async () => {
      const rows = await this.db
        .selectFrom('publish_queue')
        .select('published_at')
        .where('channel_id', '=', channelId)
        .where('published_at', '>=', since)
        .orderBy('published_at')
        .execute();
      return rows.map((r) => r.published_at as string);
    });
  }

  nextDue(): Promise<string | null> {
    return guarded('reading the next publish', async () => {
      const row = await this.db
        .selectFrom('publish_queue')
        .select('due_at')
        .where('status', '=', 'pending')
        .orderBy('due_at')
        .limit(1)
        .executeTakeFirst();
      return row?.due_at ?? null;
    });
  }
}
