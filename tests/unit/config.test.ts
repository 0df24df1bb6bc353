import { copyFileSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/loadConfig.js';
import { applicationIdFromToken, parseStoreUrl } from '../../src/config/env.js';
import { CONFIG_DIR } from '../helpers/paths.js';

function problemsOf(env: NodeJS.ProcessEnv, configDir = CONFIG_DIR): string[] {
  try {
    loadConfig(env, configDir);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on defaults with an empty environment', () => {
    const config = loadConfig({}, CONFIG_DIR);
    expect(config.feedUrls).toEqual(['https://blog.b-son.net/feeds/posts/default']);
    expect(config.pollSchedule).toBe('*/10 * * * *');
    expect(config.store).toEqual({ kind: 'sqlite', path: 'data/jikenbo.sqlite' });
    expect(config.discord).toEqual({
      token: null,
      applicationId: null,
      publicKey: null,
      apiUrl: 'https://discord.com/api',
    });
    expect(config.logLevel).toBe('info');
  });

  it('reads comma-separated feeds, trimming spaces and empty parts', () => {
    const config = loadConfig(
      { FEED_URLS: ' http://a/feed , https://b/feed?alt=rss,, ' },
      CONFIG_DIR,
    );
    expect(config.feedUrls).toEqual(['http://a/feed', 'https://b/feed?alt=rss']);
  });

  it('reports every problem at once, naming the variable, its value and what was expected', () => {
    const problems = problemsOf({
      FEED_URLS: 'ftp://x',
      POLL_SCHEDULE: '61 * * * *',
      STORE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      DISCORD_API_URL: 'not a url',
    });
    expect(problems).toHaveLength(5);
    expect(problems).toContainEqual(
      expect.stringMatching(/^FEED_URLS = "ftp:\/\/x": expected an http\(s\) URL/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^POLL_SCHEDULE = "61 \* \* \* \*": expected a cron expression/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^STORE_URL = "mysql:\/\/x": expected sqlite:\/\/.*postgres:\/\//),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^LOG_LEVEL = "loud"/));
    expect(problems).toContainEqual(expect.stringMatching(/^DISCORD_API_URL = "not a url"/));
  });

  it('refuses a redis:// store, naming postgres:// as the shared engine and hiding the password', () => {
    const problems = problemsOf({ STORE_URL: 'redis://:s3cret@cache:6379/0' });
    expect(problems).toEqual([
      expect.stringMatching(
        /^STORE_URL = "redis:\/\/:\*\*\*@cache:6379\/0": Redis is no longer a store.*postgres:\/\//,
      ),
    ]);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('never prints the token, even when it is the problem', () => {
    const problems = problemsOf({
      DISCORD_TOKEN: 'super-secret-token',
      DISCORD_APPLICATION_ID: 'x',
    });
    expect(problems.join('\n')).not.toContain('super-secret-token');
  });

  it('derives the application id from the token', () => {
    const token = `${Buffer.from('123456789012345678').toString('base64')}.abc.def`;
    expect(loadConfig({ DISCORD_TOKEN: token }, CONFIG_DIR).discord.applicationId).toBe(
      '123456789012345678',
    );
    expect(applicationIdFromToken('garbage')).toBeNull();
  });

  it('reports a bad value in a config/ file with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-config-'));
    const limits = JSON.parse(readFileSync(join(CONFIG_DIR, 'limits.json'), 'utf8'));
    limits.fetch.maxRedirects = 'five';
    writeFileSync(join(dir, 'limits.json'), JSON.stringify(limits));
    copyFileSync(join(CONFIG_DIR, 'classifier.json'), join(dir, 'classifier.json'));
    expect(problemsOf({}, dir)).toEqual([
      expect.stringMatching(/^config\/limits\.json: fetch\.maxRedirects = "five": /),
    ]);
  });

  it('reports a classifier rule that is not a valid regular expression, with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-config-'));
    copyFileSync(join(CONFIG_DIR, 'limits.json'), join(dir, 'limits.json'));
    const rules = JSON.parse(readFileSync(join(CONFIG_DIR, 'classifier.json'), 'utf8'));
    rules.causes.ransomware[0].re = 'ランサム(';
    rules.severity.people[0].level = 'catastrophic';
    writeFileSync(join(dir, 'classifier.json'), JSON.stringify(rules));
    expect(problemsOf({}, dir)).toEqual([
      expect.stringMatching(
        /^config\/classifier\.json: causes\.ransomware\.0\.re = "ランサム\(": expected a valid regular expression/,
      ),
      expect.stringMatching(
        /^config\/classifier\.json: severity\.people\.0\.level = "catastrophic"/,
      ),
    ]);
  });

  it('reports every config/ file that is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-config-'));
    expect(problemsOf({}, dir)).toEqual([
      expect.stringMatching(/^config\/limits\.json: cannot be read as JSON/),
      expect.stringMatching(/^config\/classifier\.json: cannot be read as JSON/),
    ]);
  });
});

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite://data/x.sqlite', { kind: 'sqlite', path: 'data/x.sqlite' }],
    ['sqlite:///var/lib/jikenbo.sqlite', { kind: 'sqlite', path: '/var/lib/jikenbo.sqlite' }],
    [
      'postgres://u:pw@db:5432/jikenbo',
      { kind: 'postgres', url: 'postgres://u:pw@db:5432/jikenbo' },
    ],
    [
      'postgresql://db/jikenbo?schema=bot_a',
      { kind: 'postgres', url: 'postgresql://db/jikenbo', schema: 'bot_a' },
    ],
    ['postgres://db/x?schema=Bad-Name', null],
    ['redis://127.0.0.1:6379', null],
    ['memory://', { kind: 'memory' }],
    ['sqlite://', null],
    ['file:///x', null],
  ])('reads %s', (url, expected) => {
    expect(parseStoreUrl(url)).toEqual(expected);
  });
});
