/**
 * The store marker: an install id written once into the meta table. A store that answers with no
 * install id, or with another one than the operator last saw, has been wiped or replaced; the caller
 * keeps the id it expects outside the store and compares with `compareStoreMarker`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SqlSchema } from './schema.js';

export interface StoreMarker {
  installId: string;
  /** When the install id was created (ISO). */
  createdAt: string;
  /** True when this open created the install id: a new store, or one that was wiped. */
  createdNow: boolean;
  /** The newest migration applied. */
  schemaVersion: string;
}

async function metaValue(db: Kysely<SqlSchema>, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Reads the marker, creating the install id the first time (safe when several processes race). */
export async function readStoreMarker(
  db: Kysely<SqlSchema>,
  schemaVersion: string,
  now: () => Date,
): Promise<StoreMarker> {
  const candidate = { installId: randomUUID(), createdAt: now().toISOString() };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('meta')
      .values([
        { key: 'install_id', value: candidate.installId },
        { key: 'install_created_at', value: candidate.createdAt },
      ])
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await tx
      .insertInto('meta')
      .values({ key: 'schema_version', value: schemaVersion })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: schemaVersion }))
      .execute();
  });
  const installId = (await metaValue(db, 'install_id')) as string;
  const createdAt = (await metaValue(db, 'install_created_at')) ?? candidate.createdAt;
  return { installId, createdAt, createdNow: installId === candidate.installId, schemaVersion };
}

export type MarkerCheck = 'new' | 'same' | 'replaced';

/**
 * `expected` is the install id last seen (kept outside the store), or null on a first start.
 * 'replaced' means the store is not the one the bot used before: do not take the next poll as history.
 */
export function compareStoreMarker(expected: string | null, marker: StoreMarker): MarkerCheck {
  if (expected === null) return 'new';
  return expected === marker.installId ? 'same' : 'replaced';
}
