import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer, loadFixtureEntries } from '@jikenbo/feed-server';
import { runJikenbo } from '../helpers/runJikenbo.js';
import { DEMO_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';

const cli = runJikenbo;

describe('jikenbo export and stats over a backfilled store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jk-export-'));
  const env = { STORE_URL: `sqlite://${join(dir, 'db.sqlite')}`, FEED_URLS: '' };
  let server: FeedServer;

  beforeAll(async () => {
    server = await new FeedServer(loadFixtureEntries(DEMO_FEEDS_DIR)).start();
    env.FEED_URLS = server.feedUrl;
    expect((await cli(['backfill'], env)).code).toBe(0);
  });
  afterAll(() => server.stop());

  it('writes every stored incident as CSV with a header, and only incidents', async () => {
    const file = join(dir, 'out.csv');
    const run = await cli(['export', '--format', 'csv', '--out', file], env);
    expect(run.code).toBe(0);
    const rows = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toMatch(/^"?post_id"?,/);
    // The demo blog has 22 posts; off-topic, advisory and regulator posts are not incidents.
    expect(rows.length - 1).toBeGreaterThan(10);
    expect(rows.length - 1).toBeLessThan(22);
  });

  it('refuses an unknown format with exit 2 before touching the store', async () => {
    const run = await cli(['export', '--format', 'xml'], {
      ...env,
      STORE_URL: 'sqlite:///nonexistent/dir/x.sqlite',
    });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/format/);
  });

  it('prints the stats as words and writes a PNG chart', async () => {
    const png = join(dir, 'stats.png');
    const run = await cli(['stats', '--days', '3660', '--lang', 'en', '--png', png], env);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Ransomware/);
    expect(run.out).not.toMatch(/\bunauthorized_access\b/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });
});
