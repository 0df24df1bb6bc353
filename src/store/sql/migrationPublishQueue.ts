/**
 * Migration 0007: the publish queue of announcement channels (crosspostQueue.ts). One row per alert
 * message to publish; claims lease rows as the outbox does; the window counts a channel's rows by
 * `published_at`.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlEngine } from './migrations.js';

export function publishQueue(engine: SqlEngine): Migration {
  const t = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('publish_queue')
        .addColumn('id', t, (c) => c.primaryKey())
        .addColumn('guild_id', t, (c) => c.notNull())
        .addColumn('channel_id', t, (c) => c.notNull())
        .addColumn('message_id', t, (c) => c.notNull())
        .addColumn('status', t, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('due_at', t, (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('published_at', t)
        .addColumn('created_at', t, (c) => c.notNull())
        .addColumn('updated_at', t, (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claim_expires_at', t)
        .execute();
      // The claim (pending rows by due time) and the window (a channel's publishes by time).
      await db.schema
        .createIndex('publish_queue_due')
        .on('publish_queue')
        .columns(['status', 'due_at'])
        .execute();
      await db.schema
        .createIndex('publish_queue_published')
        .on('publish_queue')
        .columns(['channel_id', 'published_at'])
        .execute();
    },
  };
}
