/** Per-server settings: the server's subscriptions and their filters. */
import { guildSettingsSchema, type GuildSettings } from '../alerts/subscription.js';
import { withIds, withoutIds, type SchemaKeyv } from './schemaKeyv.js';

export interface GuildSettingsStore {
  get(guildId: string): Promise<GuildSettings | null>;
  set(settings: GuildSettings): Promise<void>;
  delete(guildId: string): Promise<void>;
  /** Every server's settings (for fanning an alert out). */
  list(): Promise<GuildSettings[]>;
}

const INDEX_KEY = 'guilds:index';

export class KeyvGuildSettingsStore implements GuildSettingsStore {
  constructor(private readonly db: SchemaKeyv) {}

  get(guildId: string): Promise<GuildSettings | null> {
    return this.db.get(`guild:${guildId}`, guildSettingsSchema);
  }

  async set(settings: GuildSettings): Promise<void> {
    await this.db.set(`guild:${settings.guildId}`, guildSettingsSchema.parse(settings));
    await this.db.updateIndex(INDEX_KEY, (ids) => withIds(ids, [settings.guildId]));
  }

  async delete(guildId: string): Promise<void> {
    await this.db.delete(`guild:${guildId}`);
    await this.db.updateIndex(INDEX_KEY, (ids) => withoutIds(ids, [guildId]));
  }

  async list(): Promise<GuildSettings[]> {
    const ids = await this.db.readIndex(INDEX_KEY);
    const all = await this.db.getMany(
      ids.map((id) => `guild:${id}`),
      guildSettingsSchema,
    );
    return all.filter((settings): settings is GuildSettings => settings !== null);
  }
}

export class MemoryGuildSettingsStore implements GuildSettingsStore {
  private readonly guilds = new Map<string, GuildSettings>();

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
