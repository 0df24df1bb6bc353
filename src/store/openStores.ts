/**
 * Opens every store on one backend: SQLite (embedded default), PostgreSQL (the shared engine for
 * several processes), or process memory. See docs/adr/0005 and 0006.
 */
import type { StoreLocation } from '../config/env.js';
import type { Logger } from '../log.js';
import { MemoryCrosspostQueue, type CrosspostQueue } from './crosspostQueue.js';
import { MemoryFeedStateStore, type FeedStateStore } from './feedStateStore.js';
import { MemoryGuildSettingsStore, type GuildSettingsStore } from './guildSettingsStore.js';
import { MemoryOutboxStore, type ClaimingOutboxStore } from './outboxStore.js';
import { MemoryPostStore, type PostStore } from './postStore.js';
import { MemorySeenStore, type SeenStore } from './seenStore.js';
import type { IncidentArchive } from './sql/incidentArchive.js';
import { MemoryIncidentArchive } from './sql/memoryIncidentArchive.js';
import { SequentialNewPostsRecorder, type NewPostsRecorder } from './sql/newPostsRecorder.js';
import type { SqlTimeouts } from './sql/openSqlDatabase.js';
import type { StoreMarker } from './sql/storeMarker.js';

/** What the application core needs from storage. */
export interface Stores {
  feedState: FeedStateStore;
  seen: SeenStore;
  /** Single posts by id (delivery); lists and searches go through `archive`. */
  posts: PostStore;
  guilds: GuildSettingsStore;
  /** The alert outbox; deliverers claim rows from it for a lease. */
  outbox: ClaimingOutboxStore;
  /** Indexed lookups over the stored posts (latest, search, show, stats, autocomplete, previews). */
  archive: IncidentArchive;
  /** A poll's new posts, their seen marks and their deliveries, written in one step. */
  recorder: NewPostsRecorder;
  /** The store's install id (SQL stores); null for memory, which cannot be wiped behind our back. */
  marker: StoreMarker | null;
  /** Announcement-channel publishes (crossposts) waiting for their channel's window. */
  crossposts: CrosspostQueue;
  close(): Promise<void>;
}

/** In-memory stores, for `memory://` and tests; `now` drives the outbox's leases. */
export function memoryStores(now: () => Date = () => new Date()): Stores {
  const posts = new MemoryPostStore();
  const seen = new MemorySeenStore();
  const outbox = new MemoryOutboxStore(now);
  return {
    feedState: new MemoryFeedStateStore(),
    seen,
    posts,
    guilds: new MemoryGuildSettingsStore(),
    outbox,
    archive: new MemoryIncidentArchive(posts),
    // One process, no awaits that can interleave a failure: posts, deliveries, then seen marks.
    recorder: new SequentialNewPostsRecorder({ posts, outbox, seen }),
    marker: null,
    crossposts: new MemoryCrosspostQueue(now),
    close: async () => undefined,
  };
}

export interface OpenStoresOptions {
  /** Keyv namespace of the key-value state: separates several bots sharing one database. */
  namespace?: string;
  timeouts?: Partial<SqlTimeouts>;
  now?: () => Date;
}

/**
 * Opens (and migrates) the stores at `location`. Fails with one StoreError within the connect
 * timeout when the database does not answer or cannot be written. Only the configured driver loads.
 */
export async function openStores(
  location: StoreLocation,
  log: Logger,
  options: OpenStoresOptions = {},
): Promise<Stores> {
  if (location.kind === 'memory') return memoryStores(options.now);
  const { openSqlStores } = await import('./sql/openSqlStores.js');
  return openSqlStores(
    location.kind === 'sqlite'
      ? { engine: 'sqlite', path: location.path }
      : {
          engine: 'postgres',
          url: location.url,
          ...(location.schema ? { schema: location.schema } : {}),
        },
    log,
    options,
  );
}
