/**
 * Every store on one SQL database: the archive, seen ids and outbox in their tables, feed state and
 * guild settings through keyv over the kv table. Shaped like `Stores`, plus the SQL-only ports.
 */
import Keyv from 'keyv';
import type { Logger } from '../../log.js';
import { KeyvFeedStateStore } from '../feedStateStore.js';
import type { Stores } from '../openStores.js';
import { SchemaKeyv } from '../schemaKeyv.js';
import type { IncidentArchive } from './incidentArchive.js';
import { SqlNewPostsRecorder, type NewPostsRecorder } from './newPostsRecorder.js';
import {
  openSqlDatabase,
  type OpenSqlOptions,
  type SqlDatabase,
  type SqlLocation,
} from './openSqlDatabase.js';
import { SqlCrosspostQueue } from './sqlCrosspostQueue.js';
import { SqlGuildSettingsStore } from './sqlGuildSettingsStore.js';
import { SqlIncidentArchive } from './sqlIncidentArchive.js';
import { SqlKeyvStore } from './sqlKeyvStore.js';
import { SqlOutboxStore, type ClaimingOutboxStore } from './sqlOutboxStore.js';
import { SqlPostStore } from './sqlPostStore.js';
import { SqlSeenStore } from './sqlSeenStore.js';
import { toStoreError } from './storeError.js';
import type { StoreMarker } from './storeMarker.js';

export interface SqlStores extends Stores {
  guilds: SqlGuildSettingsStore;
  outbox: ClaimingOutboxStore;
  archive: IncidentArchive;
  recorder: NewPostsRecorder;
  marker: StoreMarker;
  /** The Keyv over the kv table (throwOnErrors on), for other key-value state. */
  keyv: Keyv;
  installId(): string;
  /** The database underneath (engine, Kysely instance), for maintenance and tests. */
  database: SqlDatabase;
}

export interface SqlStoresOptions {
  /** Keyv namespace: separates several bots sharing one database. */
  namespace?: string;
  now?: () => Date;
}

/** Builds the stores over an open database; closing them closes the database. */
export function sqlStoresOn(
  database: SqlDatabase,
  log: Logger,
  options: SqlStoresOptions = {},
): SqlStores {
  const now = options.now ?? (() => new Date());
  const { db, engine } = database;
  const namespace = options.namespace ?? 'jikenbo';
  const keyv = new Keyv({
    store: new SqlKeyvStore(db, () => now().getTime()),
    namespace,
    throwOnErrors: true,
  });
  // With throwOnErrors the caller gets the error; the event only needs a listener so it is not unhandled.
  keyv.on('error', () => undefined);
  const kv = new SchemaKeyv(keyv, log.child({ module: 'store' }));
  return {
    feedState: new KeyvFeedStateStore(kv),
    // Rows with a version (compare-and-set), not keyv: updates from several processes must not be lost.
    guilds: new SqlGuildSettingsStore(db, namespace, log.child({ module: 'store' }), now),
    seen: new SqlSeenStore(db),
    posts: new SqlPostStore(db),
    outbox: new SqlOutboxStore(db, engine, now),
    archive: new SqlIncidentArchive(db, engine),
    recorder: new SqlNewPostsRecorder(db),
    keyv,
    marker: database.marker,
    crossposts: new SqlCrosspostQueue(db, engine, now),
    installId: () => database.marker.installId,
    database,
    close: () => database.close(),
  };
}

/** Opens (and migrates) the database at `location` and builds every store on it. */
export async function openSqlStores(
  location: SqlLocation,
  log: Logger,
  options: SqlStoresOptions & OpenSqlOptions = {},
): Promise<SqlStores> {
  const database = await openSqlDatabase(location, options);
  const stores = sqlStoresOn(database, log, options);
  try {
    await stores.guilds.adoptKeyvSettings(
      new SchemaKeyv(stores.keyv, log.child({ module: 'store' })),
    );
  } catch (err) {
    await database.close().catch(() => undefined);
    throw toStoreError('moving guild settings out of key-value state', err);
  }
  return stores;
}
