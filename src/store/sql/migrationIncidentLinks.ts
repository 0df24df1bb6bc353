/**
 * Migration 0002: incident links. Each post row gets the normalised organisation it is linked by
 * (`organization_key`) and the first report it continues (`continues`), both indexed, and rows
 * stored before are filled in from their records (normalisation is NFKC, which SQL cannot do).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { continuesOf, organizationKeyOf } from './linkColumns.js';
import type { SqlEngine } from './migrations.js';
import { storedPostSchema } from '../postStore.js';

const BATCH = 500;

export function incidentLinks(engine: SqlEngine): Migration {
  const t = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('posts').addColumn('organization_key', t).execute();
      await db.schema.alterTable('posts').addColumn('continues', t).execute();
      // Candidates of a new post: same organisation, listed, newest first, within a window of time.
      // `listed` is in the key so no planner prefers posts_listed_newest (a scan of the window).
      await db.schema
        .createIndex('posts_by_org_key')
        .on('posts')
        .columns(['organization_key', 'listed', 'sort_time desc', 'id'])
        .execute();
      await db.schema
        .createIndex('posts_by_continues')
        .on('posts')
        .columns(['continues'])
        .execute();
      await fillExistingRows(db as Kysely<LinkRows>);
    },
  };
}

interface LinkRows {
  posts: { id: string; record: string; organization_key: string | null; continues: string | null };
}

async function fillExistingRows(db: Kysely<LinkRows>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('posts')
      .select(['id', 'record'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const parsed = storedPostSchema.safeParse(JSON.parse(row.record));
      // A record older than its schema keeps null columns: it is simply never linked.
      if (!parsed.success) continue;
      await db
        .updateTable('posts')
        .set({
          organization_key: organizationKeyOf(parsed.data),
          continues: continuesOf(parsed.data),
        })
        .where('id', '=', row.id)
        .execute();
    }
    after = (rows.at(-1) as { id: string }).id;
  }
}
