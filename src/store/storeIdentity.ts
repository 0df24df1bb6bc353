/**
 * Tells a wiped or replaced store from the one the bot used before (issue 9.3). The install id the
 * store answered with last time is kept OUTSIDE the store, in a small state file: next to the SQLite
 * file (`<file>.install-id`), or for PostgreSQL in the state folder (JIKENBO_STATE_DIR, default
 * `data/`). A store that answers with another id (or a new one) while the file remembers an old
 * one was wiped or replaced: polling pauses rather than silently taking the next poll as history,
 * until the operator accepts the new store (ACCEPT_NEW_STORE=true or --accept-new-store).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { StoreLocation } from '../config/env.js';
import type { StoreMarker } from './sql/storeMarker.js';
import { compareStoreMarker } from './sql/storeMarker.js';
import { StoreError } from './sql/storeError.js';

/** What the check found: `replaced` pauses polling; `accepted` is a replaced store the operator took. */
export type StoreCheck =
  | { state: 'ok' }
  | { state: 'replaced' | 'accepted'; expected: string; found: string; foundCreatedAt: string };

export interface StoreCheckOptions {
  /** Folder for state files of stores that are not a local file (PostgreSQL); default `data`. */
  stateDir?: string | null;
  /** Take a replaced store as the new one (and remember its id). */
  accept: boolean;
}

/** Where the expected install id of the store at `location` is kept; null when nothing can be kept. */
export function installIdFile(location: StoreLocation, stateDir?: string | null): string | null {
  switch (location.kind) {
    case 'memory':
      return null;
    case 'sqlite':
      return location.path === ':memory:' ? null : `${resolve(location.path)}.install-id`;
    case 'postgres': {
      // One file per database and schema; the password is not part of the name.
      const url = new URL(location.url);
      const which = `${url.hostname}:${url.port || 5432}/${url.pathname.slice(1)}/${location.schema ?? ''}`;
      const hash = createHash('sha256').update(which).digest('hex').slice(0, 16);
      return join(resolve(stateDir ?? 'data'), `postgres-${hash}.install-id`);
    }
  }
}

function readExpected(file: string): string | null {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length > 0 ? value : null;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw new StoreError(`store: reading ${file} failed (${(err as Error).message})`, 'failed', {
      cause: err,
    });
  }
}

function remember(file: string, installId: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${installId}\n`);
    renameSync(temp, file);
  } catch (err) {
    throw new StoreError(
      `store: writing ${file} failed: the state folder is not writable (${(err as Error).message})`,
      'read-only',
      { cause: err },
    );
  }
}

/**
 * Compares the store's marker with the id kept outside it. A first start (no state file) and the
 * same store pass and the id is (re)written; a replaced store is `replaced`, or `accepted` (and
 * remembered) when `accept` is set.
 */
export function checkStoreIdentity(
  marker: StoreMarker | null,
  location: StoreLocation,
  options: StoreCheckOptions,
): StoreCheck {
  const file = marker ? installIdFile(location, options.stateDir) : null;
  if (!marker || !file) return { state: 'ok' };
  const expected = readExpected(file);
  const verdict = compareStoreMarker(expected, marker);
  if (verdict === 'replaced') {
    const found = {
      expected: expected as string,
      found: marker.installId,
      foundCreatedAt: marker.createdAt,
    };
    if (!options.accept) return { state: 'replaced', ...found };
    remember(file, marker.installId);
    return { state: 'accepted', ...found };
  }
  if (verdict === 'new') remember(file, marker.installId);
  return { state: 'ok' };
}
