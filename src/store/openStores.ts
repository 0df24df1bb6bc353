/** Opens every store on one backend: SQLite (embedded default), Redis, or process memory. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import type { StoreLocation } from '../config/env.js';
import type { Logger } from '../log.js';
import { KeyvFeedStateStore, MemoryFeedStateStore, type FeedStateStore } from './feedStateStore.js';
import {
  KeyvGuildSettingsStore,
  MemoryGuildSettingsStore,
  type GuildSettingsStore,
} from './guildSettingsStore.js';
import { KeyvOutboxStore, MemoryOutboxStore, type OutboxStore } from './outboxStore.js';
import { KeyvPostStore, MemoryPostStore, type PostStore } from './postStore.js';
import { SchemaKeyv } from './schemaKeyv.js';
import { KeyvSeenStore, MemorySeenStore, type SeenStore } from './seenStore.js';

export interface Stores {
  feedState: FeedStateStore;
  seen: SeenStore;
  posts: PostStore;
  guilds: GuildSettingsStore;
  outbox: OutboxStore;
  close(): Promise<void>;
}

/** In-memory stores, for `memory://` and tests. */
export function memoryStores(): Stores {
  return {
    feedState: new MemoryFeedStateStore(),
    seen: new MemorySeenStore(),
    posts: new MemoryPostStore(),
    guilds: new MemoryGuildSettingsStore(),
    outbox: new MemoryOutboxStore(),
    close: async () => undefined,
  };
}

/** Keyv-backed stores over one keyv instance (all keys share its namespace). */
export function keyvStores(keyv: Keyv, log: Logger): Stores {
  keyv.on('error', (err: unknown) => log.error({ err }, 'store error'));
  const db = new SchemaKeyv(keyv, log.child({ module: 'store' }));
  return {
    feedState: new KeyvFeedStateStore(db),
    seen: new KeyvSeenStore(db),
    posts: new KeyvPostStore(db),
    guilds: new KeyvGuildSettingsStore(db),
    outbox: new KeyvOutboxStore(db),
    close: () => keyv.disconnect(),
  };
}

/**
 * Opens the stores at `location`; `namespace` separates several bots (or test
 * runs) sharing a server. Only the configured backend's driver is loaded.
 */
export async function openStores(
  location: StoreLocation,
  log: Logger,
  namespace = 'jikenbo',
): Promise<Stores> {
  switch (location.kind) {
    case 'memory':
      return memoryStores();
    case 'sqlite': {
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      const path = resolve(location.path);
      mkdirSync(dirname(path), { recursive: true });
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
      return keyvStores(new Keyv({ store: adapter, namespace }), log);
    }
    case 'redis': {
      const { default: KeyvRedis } = await import('@keyv/redis');
      const adapter = new KeyvRedis(location.url);
      return keyvStores(new Keyv({ store: adapter, namespace, useKeyPrefix: false }), log);
    }
  }
}
