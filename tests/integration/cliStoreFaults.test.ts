/**
 * An unreachable or unusable store (issue 9.4, 9.14): `poll --once`, `backfill` and `start` fail
 * fast with one line saying what failed and exit 1; `classify` opens no store, so a store URL it
 * would never use does not stop it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';
import { runJikenbo } from '../helpers/runJikenbo.js';

// Nothing listens on port 1: the connection is refused at once.
const UNREACHABLE = 'postgres://postgres:s3cret@127.0.0.1:1/jikenbo';

describe('jikenbo on an unreachable store', () => {
  it.each([[['poll', '--once']], [['backfill', '--max', '5']], [['start']]])(
    '%j exits 1 with one line naming the store, no stack, no password',
    async (argv) => {
      const run = await runJikenbo(argv, {
        STORE_URL: UNREACHABLE,
        FEED_URLS: 'http://127.0.0.1:1/feeds/posts/default',
        DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.x.y',
      });
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        /^jikenbo: store: opening PostgreSQL failed: the database server does not answer/,
      );
      expect(run.err.split('\n')).toHaveLength(1);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(run.err).not.toContain('s3cret');
    },
  );

  it('classify does not open the store, so a bad STORE_URL does not stop it', async () => {
    for (const STORE_URL of [UNREACHABLE, 'redis://127.0.0.1:1', 'not a url']) {
      const run = await runJikenbo(
        ['classify', join(TEST_FEEDS_DIR, 'blogger.atom.xml'), '--json'],
        {
          STORE_URL,
        },
      );
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).length).toBeGreaterThan(0);
    }
  });
});
