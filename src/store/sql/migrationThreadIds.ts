/**
 * Migration 0007: the thread of a sent alert. With `threads: on` an update goes into a thread
 * started on the original alert, and a forum alert is a post (a thread): its id is kept on the
 * original's delivery so later updates reuse it after a restart. Rows stored before keep null.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlEngine } from './migrations.js';

export function threadIds(engine: SqlEngine): Migration {
  const t = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('deliveries').addColumn('thread_id', t).execute();
    },
  };
}
