/** The store backends every contract test runs against: memory, SQLite (temp file) and the local Redis. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { silentLogger } from '../../src/log.js';
import { memoryStores, openStores, type Stores } from '../../src/store/openStores.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface Backend {
  name: string;
  /** Opens stores; calling it again on the same backend instance reopens the same data (a restart). */
  open(): Promise<Stores>;
  cleanup(): Promise<void>;
}

export function memoryBackend(): Backend {
  const stores = memoryStores();
  return { name: 'memory', open: async () => stores, cleanup: async () => undefined };
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-test-'));
  return {
    name: 'sqlite',
    open: () => openStores({ kind: 'sqlite', path: join(dir, 'store.sqlite') }, silentLogger()),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function redisBackend(): Backend {
  const namespace = `jikenbo-test-${randomUUID()}`;
  return {
    name: 'redis',
    open: () => openStores({ kind: 'redis', url: REDIS_URL }, silentLogger(), namespace),
    cleanup: async () => {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${namespace}*`, COUNT: 500 }))
        keys.push(...batch);
      if (keys.length > 0) await client.del(keys);
      await client.quit();
    },
  };
}

export const BACKENDS: Array<() => Backend> = [memoryBackend, sqliteBackend, redisBackend];
