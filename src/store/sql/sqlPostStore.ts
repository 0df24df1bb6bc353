/** PostStore on SQL: one row per post, indexed columns beside the record's JSON. */
import type { Kysely } from 'kysely';
import { storedPostSchema, type PostStore, type StoredPost } from '../postStore.js';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';
import { writePosts } from './sqlWrites.js';

/** Parses a stored record with its schema again: stored data can be older than the code. */
export function recordOf(row: { record: string }): StoredPost {
  return storedPostSchema.parse(JSON.parse(row.record));
}

export class SqlPostStore implements PostStore {
  constructor(private readonly db: Kysely<SqlSchema>) {}

  put(records: readonly StoredPost[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return guarded('storing posts', () =>
      this.db.transaction().execute((tx) => writePosts(tx, records)),
    );
  }

  get(id: string): Promise<StoredPost | null> {
    return guarded('reading a post', async () => {
      const row = await this.db
        .selectFrom('posts')
        .select('record')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? recordOf(row) : null;
    });
  }

  /** Every post, newest first: a full read, kept for the interface; lookups use IncidentArchive. */
  all(): Promise<StoredPost[]> {
    return guarded('reading all posts', async () => {
      const rows = await this.db
        .selectFrom('posts')
        .select('record')
        .orderBy('sort_time', 'desc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(recordOf);
    });
  }

  count(): Promise<number> {
    return guarded('counting posts', async () => {
      const row = await this.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }
}
