import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlStores, type SqlStores } from '../../src/store/sql/openSqlStores.js';
import { freshFeedState } from '../../src/store/feedStateStore.js';

function recordingLogger() {
  const lines: Array<{ msg: string; key?: string }> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'warn' }, sink), lines };
}

describe('key-value state read back from the store', () => {
  let stores: SqlStores | null = null;
  afterEach(async () => {
    await stores?.close();
    stores = null;
  });

  it('skips and reports a stored value that no longer matches its schema, without crashing', async () => {
    const { log, lines } = recordingLogger();
    stores = await openSqlStores({ engine: 'sqlite', path: ':memory:' }, log);
    await stores.feedState.set({ ...freshFeedState('http://good'), initialized: true });
    // A value an older (or broken) version wrote: it must not reach the poller as a FeedState.
    await stores.keyv.set('feed:http://f', { url: 'http://f', consecutiveFailures: 'many' });

    expect(await stores.feedState.get('http://f')).toBeNull();
    expect((await stores.feedState.get('http://good'))?.initialized).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(
      lines.filter((l) => l.msg.includes('does not match its schema')).map((l) => l.key),
    ).toEqual(['feed:http://f']);
  });
});
