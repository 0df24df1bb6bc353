/**
 * Guild settings on SQL: one row per (bot namespace, server) with a version. `update` is a
 * compare-and-set on that version, retried on a conflict, so read-modify-writes from several
 * processes on one SQLite file or one PostgreSQL schema never lose each other's change. `list` is
 * one query on the primary key (no id array to rewrite).
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../../log.js';
import { guildSettingsSchema, type GuildSettings } from '../guildSettings.js';
import type { GuildSettingsStore, SettingsChange } from '../guildSettingsStore.js';
import { KeyedLock } from '../keyedLock.js';
import type { SchemaKeyv } from '../schemaKeyv.js';
import type { SqlSchema } from './schema.js';
import { guarded, StoreError } from './storeError.js';

/** Conflicts one update tolerates before giving up: each retry means another writer succeeded. */
const MAX_ATTEMPTS = 50;

interface Row {
  settings: string;
  version: number | string;
}

export class SqlGuildSettingsStore implements GuildSettingsStore {
  /** In-process serialisation per server, so this process's own updates do not conflict. */
  private readonly lock = new KeyedLock();

  constructor(
    private readonly db: Kysely<SqlSchema>,
    private readonly namespace: string,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The stored value parsed with its schema; a value that no longer parses is logged and skipped. */
  private parse(guildId: string, row: Row | undefined): GuildSettings | null {
    if (!row) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(row.settings);
    } catch {
      raw = undefined;
    }
    const parsed = guildSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log.warn({ guildId }, 'stored guild settings do not match their schema; skipped');
    return null;
  }

  private readRow(guildId: string): Promise<Row | undefined> {
    return this.db
      .selectFrom('guild_settings')
      .select(['settings', 'version'])
      .where('namespace', '=', this.namespace)
      .where('guild_id', '=', guildId)
      .executeTakeFirst();
  }

  get(guildId: string): Promise<GuildSettings | null> {
    return guarded('reading a server’s settings', async () =>
      this.parse(guildId, await this.readRow(guildId)),
    );
  }

  set(settings: GuildSettings): Promise<void> {
    const value = guildSettingsSchema.parse(settings);
    return guarded('saving a server’s settings', async () => {
      await this.db
        .insertInto('guild_settings')
        .values({
          namespace: this.namespace,
          guild_id: value.guildId,
          settings: JSON.stringify(value),
          version: 1,
          updated_at: this.now().toISOString(),
        })
        .onConflict((oc) =>
          oc.columns(['namespace', 'guild_id']).doUpdateSet((eb) => ({
            settings: eb.ref('excluded.settings'),
            updated_at: eb.ref('excluded.updated_at'),
            version: eb('guild_settings.version', '+', 1),
          })),
        )
        .execute();
    });
  }

  /**
   * Read, change, write only if the version read is still stored; otherwise read again and re-run
   * `change` on the newer settings. `change` may therefore run more than once: it must only compute.
   */
  update(guildId: string, change: SettingsChange): Promise<GuildSettings | null> {
    return this.lock.run(guildId, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const row = await guarded('reading a server’s settings', () => this.readRow(guildId));
        const next = change(this.parse(guildId, row));
        const value = next ? guildSettingsSchema.parse(next) : null;
        const version = row ? Number(row.version) : null;
        if (await guarded('saving a server’s settings', () => this.swap(guildId, version, value)))
          return value;
      }
      throw new StoreError(
        `store: saving a server’s settings failed: ${MAX_ATTEMPTS} other writes of server ${guildId} came first; try again`,
        'timeout',
      );
    });
  }

  /** Writes `value` (null: deletes) if the row still has `version` (null: there is no row). */
  private async swap(
    guildId: string,
    version: number | null,
    value: GuildSettings | null,
  ): Promise<boolean> {
    const key = { namespace: this.namespace, guild_id: guildId };
    if (version === null && value === null) return true;
    if (version === null) {
      const inserted = await this.db
        .insertInto('guild_settings')
        .values({
          ...key,
          settings: JSON.stringify(value),
          version: 1,
          updated_at: this.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['namespace', 'guild_id']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    if (value === null) {
      const deleted = await this.db
        .deleteFrom('guild_settings')
        .where('namespace', '=', key.namespace)
        .where('guild_id', '=', guildId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    }
    const updated = await this.db
      .updateTable('guild_settings')
      .set({
        settings: JSON.stringify(value),
        version: version + 1,
        updated_at: this.now().toISOString(),
      })
      .where('namespace', '=', key.namespace)
      .where('guild_id', '=', guildId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  delete(guildId: string): Promise<void> {
    return guarded('deleting a server’s settings', async () => {
      await this.db
        .deleteFrom('guild_settings')
        .where('namespace', '=', this.namespace)
        .where('guild_id', '=', guildId)
        .execute();
    });
  }

  list(): Promise<GuildSettings[]> {
    return guarded('listing servers’ settings', async () => {
      const rows = await this.db
        .selectFrom('guild_settings')
        .select(['guild_id', 'settings', 'version'])
        .where('namespace', '=', this.namespace)
        .orderBy('guild_id')
        .execute();
      return rows
        .map((row) => this.parse(row.guild_id, row))
        .filter((s): s is GuildSettings => s !== null);
    });
  }

  /**
   * Moves settings an older version kept in keyv (`guild:<id>` and the `guilds:index` array) into
   * the table, once: a server already in the table keeps its row; the keyv keys are deleted after.
   */
  async adoptKeyvSettings(kv: SchemaKeyv): Promise<number> {
    const ids = await kv.readIndex('guilds:index');
    if (ids.length === 0) return 0;
    const values = await kv.getMany(
      ids.map((id) => `guild:${id}`),
      guildSettingsSchema,
    );
    let adopted = 0;
    for (const value of values) {
      if (value && (await this.swap(value.guildId, null, value))) adopted++;
    }
    for (const id of ids) await kv.delete(`guild:${id}`);
    await kv.delete('guilds:index');
    this.log.info({ adopted }, 'guild settings moved from key-value state into their table');
    return adopted;
  }
}
