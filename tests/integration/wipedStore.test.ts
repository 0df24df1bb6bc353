/**
 * A wiped or replaced store (issue 9.3): the install id the bot used is kept outside the store; on
 * a store that answers with another one, the bot does not take its next poll as history. It logs
 * at error, pauses polling (the feed is not even fetched), `poll --once` says why and exits 1, and
 * only ACCEPT_NEW_STORE / --accept-new-store takes the new store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { FeedServer } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { installIdFile } from '../../src/store/storeIdentity.js';
import { dropPostgresSchema, PG_URL, POSTGRES_AVAILABLE } from '../helpers/storeBackends.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { runJikenbo } from '../helpers/runJikenbo.js';
import { CONFIG_DIR } from '../helpers/paths.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-wiped-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function feed(): Promise<FeedServer> {
  const server = await new FeedServer(FIXTURE_ENTRIES.slice(0, 10)).start();
  cleanups.push(() => server.stop());
  return server;
}

interface Engine {
  name: string;
  env: (stateDir: string) => NodeJS.ProcessEnv;
  wipe: () => Promise<void>;
}

function sqliteEngine(): Engine {
  const dir = tempDir();
  const path = join(dir, 'store.sqlite');
  return {
    name: 'sqlite file deleted',
    env: () => ({ STORE_URL: `sqlite://${path}` }),
    wipe: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}

function postgresEngine(): Engine {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  cleanups.push(() => dropPostgresSchema(schema));
  return {
    name: 'postgres schema dropped',
    env: (stateDir) => ({ STORE_URL: `${PG_URL}?schema=${schema}`, JIKENBO_STATE_DIR: stateDir }),
    wipe: () => dropPostgresSchema(schema),
  };
}

const ENGINES = [sqliteEngine, ...(POSTGRES_AVAILABLE ? [postgresEngine] : [])];

describe.each(ENGINES.map((make) => [make().name, make] as const))('%s', (_name, make) => {
  it('pauses polling with an error, says why, and polls again only once accepted', async () => {
    const engine = make();
    const stateDir = tempDir();
    const server = await feed();
    const env = { ...engine.env(stateDir), FEED_URLS: server.feedUrl };

    const first = await runJikenbo(['poll', '--once'], env);
    expect(first.code).toBe(0);
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' }, CONFIG_DIR);
    const stateFile = installIdFile(config.store, config.stateDir) as string;
    const installId = readFileSync(stateFile, 'utf8').trim();
    expect(installId).toMatch(/^[0-9a-f-]{36}$/);

    // The same store again: nothing to say.
    const again = await openApp(config);
    expect(again.core.pollStatus()).toEqual({ state: 'active' });
    await again.close();

    await engine.wipe();
    const requestsBefore = server.requests.length;
    const lines: string[] = [];
    const { pino } = await import('pino');
    const { Writable } = await import('node:stream');
    const log = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _e, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const wiped = await openApp(config, log);
    try {
      expect(wiped.core.pollStatus()).toMatchObject({
        state: 'paused',
        reason: 'store-replaced',
        expectedInstallId: installId,
      });
      expect(await wiped.core.pollOnce()).toEqual([]);
      expect(server.requests.length).toBe(requestsBefore);
      const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
      expect(errors.map((l) => l.msg).join('\n')).toMatch(/wiped or replaced.*ACCEPT_NEW_STORE/);
    } finally {
      await wiped.close();
    }
    // The state file still names the old store until the operator accepts the new one.
    expect(readFileSync(stateFile, 'utf8').trim()).toBe(installId);

    const refused = await runJikenbo(['poll', '--once'], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/wiped or replaced, so nothing is polled.*--accept-new-store/);
    expect(server.requests.length).toBe(requestsBefore);

    const accepted = await runJikenbo(['poll', '--once', '--accept-new-store'], env);
    expect(accepted.code).toBe(0);
    expect(server.requests.length).toBeGreaterThan(requestsBefore);
    const newId = readFileSync(stateFile, 'utf8').trim();
    expect(newId).not.toBe(installId);
    // Accepted: from now on it is the store the bot knows.
    expect((await runJikenbo(['poll', '--once'], env)).code).toBe(0);
  });
});

it('ACCEPT_NEW_STORE=true accepts a wiped store without the flag', async () => {
  const engine = sqliteEngine();
  const server = await feed();
  const env = { ...engine.env(''), FEED_URLS: server.feedUrl };
  expect((await runJikenbo(['poll', '--once'], env)).code).toBe(0);
  await engine.wipe();
  expect((await runJikenbo(['poll', '--once'], env)).code).toBe(1);
  expect((await runJikenbo(['poll', '--once'], { ...env, ACCEPT_NEW_STORE: 'true' })).code).toBe(0);
});

it('keeps no state file for a memory store', () => {
  expect(installIdFile({ kind: 'memory' })).toBeNull();
});
