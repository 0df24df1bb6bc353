import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { FeedServer } from '@jikenbo/feed-server';
import { DEMO_FEEDS_DIR, loadDemoPosts } from '../fixtures/demoBlogFiles.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { LOG_LEVEL: 'silent', ...env },
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      colour: false,
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jikenbo command line', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await new FeedServer(FIXTURE_ENTRIES.slice(5)).start();
  });
  afterEach(() => server.stop());

  it('prints usage and exits 2 without a command, or with an unknown one', async () => {
    expect(await cli([])).toMatchObject({
      code: 2,
      out: expect.stringContaining('Usage: jikenbo <command>'),
    });
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
  });

  it('exits 2 with the command usage on a bad option or argument', async () => {
    const badOption = await cli(['poll', '--twice']);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain("Unknown option '--twice'");
    expect(badOption.err).toContain('Usage: jikenbo poll');
    expect(await cli(['backfill', '--max', 'lots'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--max expects'),
    });
    expect(await cli(['classify'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('exactly one <file-or-url>'),
    });
  });

  it.each(['poll', 'backfill', 'classify', 'start', 'deploy-commands', 'demo'])(
    'has --help for %s',
    async (command) => {
      expect(await cli([command, '--help'])).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Usage: jikenbo ${command}`),
      });
    },
  );

  it('stops before doing anything on a bad configuration, listing every problem', async () => {
    const run = await cli(['poll', '--once'], { FEED_URLS: 'nope', STORE_URL: 'x' });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/FEED_URLS = "nope"[\s\S]*STORE_URL = "x"/);
    expect(server.requests).toHaveLength(0);
  });

  it('poll --once stores history on the first run and prints new posts on the next', async () => {
    const env = {
      FEED_URLS: server.feedUrl,
      STORE_URL: `sqlite://${join(mkdtempSync(join(tmpdir(), 'jk-')), 'db.sqlite')}`,
    };
    const first = await cli(['poll', '--once'], env);
    expect(first).toMatchObject({
      code: 0,
      out: expect.stringContaining('first poll — stored 25 entries'),
    });
    server.publish(...FIXTURE_ENTRIES.slice(0, 2).reverse());
    const second = await cli(['poll', '--once'], env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('2 new post(s)');
    expect(second.out.split('\n')).toHaveLength(3);
  });

  it('poll --once exits 1 and says why when a feed fails', async () => {
    server.failNext({ type: 'status', status: 502 });
    const run = await cli(['poll', '--once'], {
      FEED_URLS: server.feedUrl,
      STORE_URL: 'memory://',
    });
    expect(run).toMatchObject({ code: 1, out: expect.stringContaining('FAILED (HTTP 502') });
  });

  it('backfill shows progress and stores past posts', async () => {
    const run = await cli(['backfill', '--max', '40'], {
      FEED_URLS: server.feedUrl,
      STORE_URL: 'memory://',
    });
    // The feed holds more than 40: the run says it was cut short and exits 1 (issue 11).
    expect(run.code).toBe(1);
    expect(run.out).toContain('page 1, 25 entries read, 25 newly stored');
    expect(run.out).toContain('page 2, 40 entries read, 40 newly stored');
    expect(run.out).toMatch(/CUT SHORT by --max 40 .*older entries were not read/);
    expect(run.out).toContain('posts stored in total: 40');
  });

  it('backfill without --max reads every page, says so and exits 0', async () => {
    const run = await cli(['backfill'], { FEED_URLS: server.feedUrl, STORE_URL: 'memory://' });
    expect(run.code).toBe(0);
    expect(run.out).toContain('done — every page read');
    expect(run.out).toContain(`posts stored in total: ${FIXTURE_ENTRIES.length - 5}`);
  });

  it('classify prints a table for a feed file and JSON with --json', async () => {
    const file = join(DEMO_FEEDS_DIR, 'demo-blog.atom.xml');
    const posts = loadDemoPosts().length;
    const table = await cli(['classify', file]);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')).toHaveLength(1 + posts);
    const json = await cli(['classify', file, '--json']);
    const rows = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(posts);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'link',
      'title',
      'kind',
      'cause',
      'secondaryCauses',
      'severity',
      'incidentId',
      'organization',
      'affected',
      'dataTypes',
      'disclosedOn',
      'disruption',
      'reasons',
    ]);
  });

  it('classify reads a feed from a URL', async () => {
    const run = await cli(['classify', server.feedUrl, '--json']);
    expect(JSON.parse(run.out)).toHaveLength(25);
  });

  it.each([
    [
      'a missing file',
      () => '/nonexistent/feed.xml',
      /cannot read \/nonexistent\/feed\.xml: no such file/,
    ],
    [
      'a document that is not a feed',
      () => server.serveFile('/page', '<html><body>x</body></html>', 'text/html'),
      /not a feed/,
    ],
    [
      'an unreachable URL',
      () => 'http://127.0.0.1:1/feed',
      /cannot fetch http:\/\/127\.0\.0\.1:1\/feed/,
    ],
  ])('classify exits 1 with a one-line error on %s', async (_what, source, message) => {
    const run = await cli(['classify', source()]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err.split('\n')).toHaveLength(1);
  });

  it('refuses to start without a token, before connecting anywhere', async () => {
    const run = await cli(['start'], { STORE_URL: 'memory://' });
    expect(run.code).toBe(1);
    expect(run.err).toContain('DISCORD_TOKEN = (unset): required by `jikenbo start`');
  });
});

describe('jikenbo demo', () => {
  it('--fast runs the whole product offline: the bot logs in, admins subscribe, alerts land, lookups answer', async () => {
    const run = await cli(['demo', '--fast']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/demo: the bot logged in as jikenbo/);
    expect(run.out).toMatch(/registered 5 slash commands/);
    expect(run.out).toMatch(/#incident-alerts is subscribed: severity Low or higher/);
    expect(run.out).toMatch(/\[CRITICAL\] #critical @Security Team/);
    expect(run.out).toMatch(/> analyst: \/incident latest count:5/);
    // Replies read as text: no raw Markdown (issue 13), and the blog's progress is shown.
    expect(run.out).not.toMatch(/\*\*\[|\]\(https?:/);
    expect(run.out).toMatch(/-- the blog published \d+ post\(s\) \[\d+\/\d+\]/);
    expect(run.out).toMatch(/Preview for #critical: \d+ of 19 recent incidents would be alerted/);
    const posted = /alerts posted #incident-alerts: (\d+), #critical: (\d+)/.exec(run.out);
    expect(Number(posted?.[1])).toBeGreaterThan(Number(posted?.[2]));
    expect(Number(posted?.[2])).toBeGreaterThan(0);
  });
});
