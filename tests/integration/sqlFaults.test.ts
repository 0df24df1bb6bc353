/** Store faults (issue 9): unreachable or silent PostgreSQL, read-only SQLite, a wiped store, two processes. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { StoreError } from '../../src/store/sql/storeError.js';
import { compareStoreMarker } from '../../src/store/sql/storeMarker.js';
import { makeDelivery } from '../helpers/builders.js';
import { DURABLE_SQL_ENGINES, sqliteFileEngine } from './sql/engines.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server on 127.0.0.1 that accepts connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  );
  return (server.address() as { port: number }).port;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-fault-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** chmod does not stop root; the immutable attribute does. */
function makeReadOnly(path: string): void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    cleanups.push(() => {
      execFileSync('chattr', ['-i', path]);
    });
  } else {
    chmodSync(path, 0o555);
    cleanups.push(() => chmodSync(path, 0o755));
  }
}

describe('opening a store that cannot work', () => {
  it('fails with one StoreError when PostgreSQL refuses connections', async () => {
    const opening = openSqlStores(
      { engine: 'postgres', url: 'postgres://postgres@127.0.0.1:1/test' },
      silentLogger(),
    );
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toMatchObject({ reason: 'unreachable' });
  });

  it('gives up on a PostgreSQL that never answers after the connect timeout', async () => {
    const port = await silentServer();
    const opening = openSqlStores(
      { engine: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/test` },
      silentLogger(),
      {
        timeouts: { connectMs: 300 },
      },
    );
    await expect(opening).rejects.toMatchObject({ name: 'StoreError', reason: 'timeout' });
  });

  it('says the SQLite folder is not writable instead of pretending to store', async () => {
    const dir = tempDir();
    makeReadOnly(dir);
    const opening = openSqlStores(
      { engine: 'sqlite', path: join(dir, 'store.sqlite') },
      silentLogger(),
    );
    await expect(opening).rejects.toMatchObject({ name: 'StoreError', reason: 'read-only' });
    await expect(opening).rejects.toThrow(/not writable/);
  });

  it('says a read-only SQLite file is not writable', async () => {
    const dir = tempDir();
    const path = join(dir, 'store.sqlite');
    await (await openSqlStores({ engine: 'sqlite', path }, silentLogger())).close();
    makeReadOnly(path);
    makeReadOnly(dir);
    await expect(openSqlStores({ engine: 'sqlite', path }, silentLogger())).rejects.toMatchObject({
      name: 'StoreError',
      reason: 'read-only',
    });
  });
});

it('tells a wiped SQLite store from the one used before', async () => {
  const engine = sqliteFileEngine();
  cleanups.push(() => engine.cleanup());
  const before = await openSqlStores(engine.location, silentLogger());
  const installId = before.installId();
  await before.close();
  await engine.cleanup(); // the operator deletes the file
  const after = await openSqlStores(engine.location, silentLogger());
  cleanups.push(() => after.close());
  expect(after.marker.createdNow).toBe(true);
  expect(compareStoreMarker(installId, after.marker)).toBe('replaced');
});

describe.each(DURABLE_SQL_ENGINES.map((make) => [make().name, make] as const))(
  'two processes on %s',
  (_n, make) => {
    it('claim every delivery exactly once between them', async () => {
      const engine = make();
      cleanups.push(() => engine.cleanup());
      const a = await openSqlStores(engine.location, silentLogger());
      const b = await openSqlStores(engine.location, silentLogger());
      cleanups.push(
        () => a.close(),
        () => b.close(),
      );
      const all = Array.from({ length: 300 }, (_, i) => makeDelivery(`p${i % 30}`, `c${i}`));
      await a.outbox.enqueue(all);
      const drain = async (stores: typeof a, worker: string) => {
        const got: string[] = [];
        for (;;) {
          const claimed = await stores.outbox.claim(worker, 7, 60_000);
          if (claimed.length === 0) return got;
          got.push(...claimed.map((d) => d.id));
        }
      };
      const [fromA, fromB] = await Promise.all([
        drain(a, 'a'),
        drain(b, 'b'),
        drain(a, 'a2'),
        drain(b, 'b2'),
      ]).then(([x, y, z, w]) => [
        [...x, ...z],
        [...y, ...w],
      ]);
      const claimed = [...(fromA ?? []), ...(fromB ?? [])];
      expect(claimed.length).toBe(all.length);
      expect(new Set(claimed).size).toBe(all.length);
    });
  },
);
