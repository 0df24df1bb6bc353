/**
 * The publish queue (announcement-channel crossposts) on memory, SQLite and PostgreSQL: one row per
 * alert message, claimed by one worker at a time for a lease, due times respected, a channel's
 * publish times read back for its window, and nothing lost or repeated across a reopen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Crosspost } from '../../src/store/crosspostQueue.js';
import { memoryStores, openStores, type Stores } from '../../src/store/openStores.js';
import { dropPostgresSchema, PG_URL, POSTGRES_AVAILABLE } from '../helpers/storeBackends.js';

let clock = new Date('2026-12-02T00:00:00.000Z');
const now = () => clock;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

interface Engine {
  open(): Promise<Stores>;
  cleanup(): Promise<void>;
}

const ENGINES: Array<[string, () => Engine]> = [
  [
    'memory',
    () => {
      const stores = memoryStores(now);
      return { open: async () => stores, cleanup: async () => undefined };
    },
  ],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-publish-'));
      return {
        open: () =>
          openStores({ kind: 'sqlite', path: join(dir, 's.sqlite') }, silentLogger(), { now }),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  ...(POSTGRES_AVAILABLE
    ? [
        [
          'postgres',
          () => {
            const schema = `t_${randomUUID().replace(/-/g, '')}`;
            return {
              open: () =>
                openStores({ kind: 'postgres', url: PG_URL, schema }, silentLogger(), { now }),
              cleanup: () => dropPostgresSchema(schema),
            };
          },
        ] as [string, () => Engine],
      ]
    : []),
];

function publish(id: string, overrides: Partial<Crosspost> = {}): Crosspost {
  return {
    id,
    guildId: 'g1',
    channelId: 'c1',
    messageId: `m-${id}`,
    status: 'pending',
    attempts: 0,
    dueAt: clock.toISOString(),
    lastError: null,
    publishedAt: null,
    createdAt: clock.toISOString(),
    updatedAt: clock.toISOString(),
    ...overrides,
  };
}

describe.each(ENGINES)('publish queue on %s', (_name, make) => {
  let engine: Engine;
  let stores: Stores;
  beforeEach(async () => {
    clock = new Date('2026-12-02T00:00:00.000Z');
    engine = make();
    stores = await engine.open();
  });
  afterEach(async () => {
    await stores.close();
    await engine.cleanup();
  });

  it('queues one publish per alert message: a second add of the same id changes nothing', async () => {
    expect(await stores.crossposts.add(publish('p1'))).toBe(true);
    expect(await stores.crossposts.add(publish('p1', { messageId: 'other' }))).toBe(false);
    expect((await stores.crossposts.get('p1'))?.messageId).toBe('m-p1');
    expect(await stores.crossposts.get('nope')).toBeNull();
  });

  it('gives a due publish to one worker until its lease ends, and not before it is due', async () => {
    await stores.crossposts.add(publish('now'));
    await stores.crossposts.add(
      publish('later', { dueAt: new Date(clock.getTime() + 60_000).toISOString() }),
    );
    expect((await stores.crossposts.claim('a', 10, 30_000)).map((c) => c.id)).toEqual(['now']);
    expect(await stores.crossposts.claim('b', 10, 30_000)).toEqual([]);
    advance(30_000);
    // a's lease ran out (it died): b takes the row over; `later` is not due yet.
    expect((await stores.crossposts.claim('b', 10, 30_000)).map((c) => c.id)).toEqual(['now']);
    advance(30_000);
    expect((await stores.crossposts.claim('c', 10, 30_000)).map((c) => c.id)).toEqual([
      'now',
      'later',
    ]);
  });

  it('writes a claimed publish only while holding it, and releases it', async () => {
    await stores.crossposts.add(publish('p1'));
    const [claimed] = await stores.crossposts.claim('a', 10, 30_000);
    const done = { ...claimed!, status: 'done' as const, publishedAt: clock.toISOString() };
    expect(await stores.crossposts.updateClaimed(done, 'b')).toBe(false);
    expect(await stores.crossposts.updateClaimed(done, 'a')).toBe(true);
    expect((await stores.crossposts.get('p1'))?.status).toBe('done');
    expect(await stores.crossposts.updateClaimed(done, 'a')).toBe(false);
    expect(await stores.crossposts.claim('a', 10, 30_000)).toEqual([]);
    expect(await stores.crossposts.nextDue()).toBeNull();
  });

  it('reads a channel’s publish times since a moment, oldest first, and the next due time', async () => {
    const at = (min: number) => new Date(clock.getTime() + min * 60_000).toISOString();
    await stores.crossposts.add(publish('old', { status: 'done', publishedAt: at(-90) }));
    await stores.crossposts.add(publish('b', { status: 'done', publishedAt: at(-10) }));
    await stores.crossposts.add(publish('a', { status: 'done', publishedAt: at(-30) }));
    await stores.crossposts.add(
      publish('other', { channelId: 'c2', status: 'done', publishedAt: at(-5) }),
    );
    await stores.crossposts.add(publish('waits', { dueAt: at(20) }));
    await stores.crossposts.add(publish('waits-less', { dueAt: at(5) }));
    expect(await stores.crossposts.publishedSince('c1', at(-60))).toEqual([at(-30), at(-10)]);
    expect(await stores.crossposts.nextDue()).toBe(at(5));
  });

  it('keeps a waiting publish across a reopen (a restart)', async () => {
    await stores.crossposts.add(
      publish('p1', { dueAt: new Date(clock.getTime() + 1000).toISOString() }),
    );
    await stores.close();
    stores = await engine.open();
    advance(1000);
    expect((await stores.crossposts.claim('a', 10, 30_000)).map((c) => c.id)).toEqual(['p1']);
  });
});
