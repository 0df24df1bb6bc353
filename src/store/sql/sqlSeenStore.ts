/** SeenStore on SQL: one row per feed entry id. */
import type { Kysely } from 'kysely';
import type { SeenStore } from '../seenStore.js';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';
import { chunks, writeSeen } from './sqlWrites.js';

export class SqlSeenStore implements SeenStore {
  constructor(private readonly db: Kysely<SqlSchema>) {}

  seen(ids: readonly string[]): Promise<Set<string>> {
    return guarded('reading seen entries', async () => {
      const found = new Set<string>();
      for (const part of chunks([...new Set(ids)])) {
        const rows = await this.db
          .selectFrom('seen_entries')
          .select('id')
          .where('id', 'in', part)
          .execute();
        for (const row of rows) found.add(row.id);
      }
      return found;
    });
  }

  markSeen(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return guarded('marking entries seen', () =>
      this.db.transaction().execute((tx) => writeSeen(tx, ids, at)),
    );
  }
}
