/**
 * kill -9 of the real `jikenbo start` process mid-fan-out (issue 9): the built CLI runs against the
 * local Discord and a local blog on a SQLite file; new posts arrive, sends are slowed, the process
 * is killed with SIGKILL after the first alerts landed, and a second `jikenbo start` on the same
 * file finishes the job. Every expected alert must be in its channel exactly once. Needs the build
 * (`npm test` builds first); skipped with a line saying so when dist/ is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  readFileSync,
  mkdirSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDemoGuild, DiscordEmulator } from '@jikenbo/discord-emulator';
import { FeedServer } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores } from '../../src/store/openStores.js';
import { silentLogger } from '../../src/log.js';
import { matchFilter } from '../../src/subscriptions/matchFilter.js';
import { makeGuildSettings } from '../helpers/builders.js';
import { CONFIG_DIR, PROJECT_ROOT } from '../helpers/paths.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'bin', 'jikenbo.js');
const built = existsSync(BIN);
if (!built) console.warn(`kill -9 test skipped: ${BIN} is missing (run npm run build)`);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe.skipIf(!built)('kill -9 of jikenbo start mid-fan-out', () => {
  it('loses and doubles nothing once a new process resumes on the same SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-kill-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A short lease, so the restarted process takes over the killed one's claims quickly.
    const configDir = join(dir, 'config');
    mkdirSync(configDir);
    cpSync(CONFIG_DIR, configDir, { recursive: true });
    const limits = JSON.parse(readFileSync(join(configDir, 'limits.json'), 'utf8'));
    limits.delivery.leaseSeconds = 2;
    limits.delivery.concurrency = 2;
    writeFileSync(join(configDir, 'limits.json'), JSON.stringify(limits));

    const emulator = await new DiscordEmulator({ waitTimeoutMs: 60_000 }).start();
    cleanups.push(() => emulator.stop());
    const demo = addDemoGuild(emulator.world);
    const channels = ['incident-alerts', 'critical', 'general'].map((n) => demo.channel(n));
    const feed = await new FeedServer(FIXTURE_ENTRIES.slice(12, 40)).start();
    cleanups.push(() => feed.stop());

    const path = join(dir, 'bot.sqlite');
    const stores = await openStores({ kind: 'sqlite', path }, silentLogger());
    await stores.guilds.set({ ...makeGuildSettings(demo.guild.id, channels) });
    await stores.close();
    const env = {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      FEED_URLS: feed.feedUrl,
      STORE_URL: `sqlite://${path}`,
      POLL_SCHEDULE: '* * * * * *',
      JIKENBO_CONFIG_DIR: configDir,
      LOG_LEVEL: 'warn',
    };

    const first = start(env);
    // The first poll is history; then the blog publishes 12 posts while sends are slow.
    await emulator.until(() => feed.requests.length >= 1, 'the first poll');
    await new Promise((r) => setTimeout(r, 1_500));
    emulator.injectFault({
      method: 'POST',
      path: '/messages',
      times: 1000,
      fault: { delayMs: 150 },
    });
    feed.publish(...FIXTURE_ENTRIES.slice(0, 12));
    const sent = () => channels.reduce((n, c) => n + emulator.world.messagesIn(c).length, 0);
    await emulator.until(() => sent() >= 3, 'the first alerts');
    first.kill('SIGKILL');
    await exited(first);
    const atKill = sent();

    // Expected: each new post that passes the subscription's filter, in each of the 3 channels.
    const reopened = await openStores({ kind: 'sqlite', path }, silentLogger());
    const settings = makeGuildSettings(demo.guild.id, channels);
    let expected = 0;
    for (const entry of FIXTURE_ENTRIES.slice(0, 12)) {
      const record = await reopened.posts.get(entry.id);
      expect(record, `post ${entry.id} stored`).not.toBeNull();
      for (const sub of settings.subscriptions) if (matchFilter(sub, record!).pass) expected++;
    }
    await reopened.close();
    expect(expected).toBeGreaterThan(atKill); // killed mid-fan-out, not after it

    const second = start(env);
    await emulator.until(() => sent() >= expected, `${expected} alerts`);
    await new Promise((r) => setTimeout(r, 1_500)); // room for a duplicate to show up
    second.kill('SIGTERM');
    await exited(second);

    const after = await openStores({ kind: 'sqlite', path }, silentLogger());
    const pending = (await after.outbox.pending()).length;
    await after.close();
    expect(pending).toBe(0);
    for (const c of channels) {
      const titles = emulator.world.messagesIn(c).map((m) => JSON.stringify(m.embeds));
      expect(new Set(titles).size, `duplicates in ${c}`).toBe(titles.length);
    }
    expect(sent()).toBe(expected);
    console.info(
      `kill -9 of start: expected ${expected}, delivered ${sent()} (${atKill} before the kill), lost 0, duplicated 0`,
    );
  }, 120_000);
});
