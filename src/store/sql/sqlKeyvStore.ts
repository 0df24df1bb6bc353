/**
 * A Keyv store adapter over the `kv` table, so keyv stays the API for key-value state (feed state,
 * guild settings, caches) on the same database as the archive, without @keyv/sqlite.
 * Keyv serialises values and handles expiry itself; expiry is also kept as a column so expired rows
 * are skipped and can be swept with one statement.
 */
import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { Kysely } from 'kysely';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';
import { chunks } from './sqlWrites.js';

export class SqlKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  opts: Record<string, unknown> = { dialect: 'sql' };
  namespace?: string;

  constructor(
    private readonly db: Kysely<SqlSchema>,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  private live() {
    const at = this.now();
    return this.db
      .selectFrom('kv')
      .select(['key', 'value'])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return guarded('reading a key', async () => {
      const row = await this.live().where('key', '=', key).executeTakeFirst();
      return row?.value as StoredData<Value> | undefined;
    });
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return guarded('reading keys', async () => {
      const found = new Map<string, string>();
      for (const part of chunks(keys)) {
        for (const row of await this.live().where('key', 'in', part).execute())
          found.set(row.key, row.value);
      }
      return keys.map((key) => found.get(key) as StoredData<Value | undefined>);
    });
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    await this.setMany([{ key, value, ttl }]);
    return true;
  }

  async setMany(entries: Array<{ key: string; value: unknown; ttl?: number }>): Promise<void> {
    if (entries.length === 0) return;
    const at = this.now();
    const rows = [...new Map(entries.map((e) => [e.key, e])).values()].map((e) => ({
      key: e.key,
      value: typeof e.value === 'string' ? e.value : JSON.stringify(e.value),
      expires_at: typeof e.ttl === 'number' && e.ttl > 0 ? at + e.ttl : null,
    }));
    await guarded('writing keys', () =>
      this.db.transaction().execute(async (tx) => {
        for (const part of chunks(rows)) {
          await tx
            .insertInto('kv')
            .values(part)
            .onConflict((oc) =>
              oc.column('key').doUpdateSet((eb) => ({
                value: eb.ref('excluded.value'),
                expires_at: eb.ref('excluded.expires_at'),
              })),
            )
            .execute();
        }
      }),
    );
  }

  async delete(key: string): Promise<boolean> {
    return guarded('deleting a key', async () => {
      const result = await this.db.deleteFrom('kv').where('key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return guarded('deleting keys', async () => {
      let deleted = 0;
      for (const part of chunks(keys)) {
        const result = await this.db.deleteFrom('kv').where('key', 'in', part).executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      return deleted > 0;
    });
  }

  /** Clears this namespace only (keyv prefixes keys with `<namespace>:`), or every key without one. */
  async clear(): Promise<void> {
    await guarded('clearing keys', async () => {
      let query = this.db.deleteFrom('kv');
      if (this.namespace) {
        const prefix = `${this.namespace}:`;
        query = query.where('key', '>=', prefix).where('key', '<', `${prefix}\uffff`);
      }
      await query.execute();
    });
  }

  /** Drops rows whose expiry has passed; returns how many. */
  async sweepExpired(): Promise<number> {
    return guarded('sweeping expired keys', async () => {
      const at = this.now();
      const result = await this.db
        .deleteFrom('kv')
        .where('expires_at', '<=', at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  async disconnect(): Promise<void> {
    // The database is shared with the other SQL stores and closed by its owner.
  }
}
