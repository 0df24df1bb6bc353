/**
 * `jikenbo serve` in a process of its own for the memory bench: memory stores holding the servers'
 * settings and `incidents` incidents (all in the heap: an upper bound for a SQL store, which
 * keeps them on disk), then the real startServe. Prints its URL; runs until SIGTERM.
 * Args: apiUrl token publicKeyHex settingsJsonFile incidents.
 */
import { readFileSync } from 'node:fs';
import { buildClassifier } from '../../src/app/createApp.js';
import { startServe } from '../../src/app/serve.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import type { GuildSettings } from '../../src/store/guildSettings.js';
import { memoryStores } from '../../src/store/openStores.js';
import { fixturePosts } from '../botBenches.js';
import { manyIncidents } from '../world.js';

const [apiUrl, token, publicKey, settingsFile, incidents] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as GuildSettings[];
const stores = memoryStores();
for (const s of settings) await stores.guilds.set(s);
if (Number(incidents) > 0)
  await stores.posts.put(manyIncidents(await fixturePosts(), Number(incidents)));
const config = loadConfig({
  DISCORD_TOKEN: token,
  DISCORD_API_URL: apiUrl,
  DISCORD_PUBLIC_KEY: publicKey,
  FEED_URLS: 'http://127.0.0.1:1/feed',
  STORE_URL: 'memory://',
  LOG_LEVEL: 'silent',
});
const served = await startServe({
  config,
  stores,
  classify: buildClassifier(config),
  log: silentLogger(),
  schedulePolls: false,
  port: 0,
  host: '127.0.0.1',
});
process.stdout.write(`${served.url}\n`);
process.once('SIGTERM', () => void served.stop().then(() => process.exit(0)));
