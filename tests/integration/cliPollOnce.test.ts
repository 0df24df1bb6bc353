import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJikenbo } from '../helpers/runJikenbo.js';

describe('jikenbo poll --once', () => {
  it('exits 1 when no feed was read because every one is backing off', async () => {
    const env = {
      // Nothing listens on port 1: the first poll fails and the feed backs off (persisted).
      FEED_URLS: 'http://127.0.0.1:1/feeds/posts/default',
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'jk-poll-')), 'db.sqlite')}`,
    };
    expect((await runJikenbo(['poll', '--once'], env)).code).toBe(1);
    const second = await runJikenbo(['poll', '--once'], env);
    expect(second.out).toMatch(/back/i);
    expect(second.code).toBe(1);
  });
});
