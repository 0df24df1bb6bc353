/** Per-server settings: the server's subscriptions and their filters. */
import { guildSettingsSchema, type GuildSettings } from './guildSettings.js';
import { KeyedLock } from './keyedLock.js';

/** update() for an in-process store with get/set/delete: the change runs under the server's lock. */
async function lockedUpdate(
  lock: KeyedLock,
  store: Pick<GuildSettingsStore, 'get' | 'set' | 'delete'>,
  guildId: string,
  change: SettingsChange,
): Promise<GuildSettings | null> {
  return lock.run(guildId, async () => {
    const next = change(await store.get(guildId));
    if (next) await store.set(next);
    else await store.delete(guildId);
    return next;
  });
}

/** Turns a server's current settings (null: none yet) into the new ones (null: delete them). */
export type SettingsChange = (current: GuildSettings | null) => GuildSettings | null;

export interface GuildSettingsStore {
  get(guildId: string): Promise<GuildSettings | null>;
  set(settings: GuildSettings): Promise<void>;
  /**
   * Read-modify-write of one server's settings, atomic per server: concurrent
   * updates of the same server run one after the other, each on the result of
   * the previous, also across processes sharing one SQL store (SqlGuildSettingsStore: a
   * compare-and-set on a version, so `change` may run again on newer settings and must only
   * compute). Resolves to the settings written (null when deleted).
   */
  update(guildId: string, change: SettingsChange): Promise<GuildSettings | null>;
  delete(guildId: string): Promise<void>;
  /** Every server's settings (for fanning an alert out). */
  list(): Promise<GuildSettings[]>;
}

export class MemoryGuildSettingsStore implements GuildSettingsStore {
  private readonly guilds = new Map<string, GuildSettings>();
  private readonly lock = new KeyedLock();

  update(guildId: string, change: SettingsChange): Promise<GuildSettings | null> {
    return lockedUpdate(this.lock, this, guildId, change);
  }

  async get(guildId: string): Promise<GuildSettings | null> {
    const settings = this.guilds.get(guildId);
    return settings ? structuredClone(settings) : null;
  }

  async set(settings: GuildSettings): Promise<void> {
    this.guilds.set(settings.guildId, structuredClone(guildSettingsSchema.parse(settings)));
  }

  async delete(guildId: string): Promise<void> {
    this.guilds.delete(guildId);
  }

  async list(): Promise<GuildSettings[]> {
    return [...this.guilds.values()].map((s) => structuredClone(s));
  }
}
