import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { keyvStores } from '../../src/store/openStores.js';
import { makeStoredPost } from '../helpers/builders.js';

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

describe('values read back from the store', () => {
  it('skips and reports a stored value that no longer matches its schema, without crashing', async () => {
    const keyv = new Keyv();
    const { log, lines } = recordingLogger();
    const stores = keyvStores(keyv, log);
    await stores.posts.put([makeStoredPost('good', '2024-01-02T00:00:00Z')]);
    await keyv.set('post:bad', { post: { id: 'bad' }, classification: { kind: 'not-a-kind' } });
    await keyv.set('posts:index', ['good', 'bad']);
    await keyv.set('feed:http://f', { url: 'http://f', consecutiveFailures: 'many' });

    const fresh = keyvStores(keyv, log);
    expect((await fresh.posts.all()).map((r) => r.post.id)).toEqual(['good']);
    expect(await fresh.feedState.get('http://f')).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(
      lines.filter((l) => l.msg.includes('does not match its schema')).map((l) => l.key),
    ).toEqual(['post:bad', 'feed:http://f']);
  });

  it('treats a corrupted index as empty rather than failing lookups', async () => {
    const keyv = new Keyv();
    const stores = keyvStores(keyv, pino({ level: 'silent' }));
    await keyv.set('posts:index', 'not a list');
    expect(await stores.posts.all()).toEqual([]);
  });
});
