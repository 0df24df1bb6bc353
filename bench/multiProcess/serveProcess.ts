/**
 * `jikenbo serve` in a process of its own for the memory bench: memory stores holding the servers'
 * settings and the incidents of two JSON files (all in the heap), then the real startServe. It
 * imports only what the product's `serve` does (no emulator, no bench helpers), so the figure is
 * the product's. Prints its URL; runs until SIGTERM.
 * Args: apiUrl token publicKeyHex settingsJsonFile postsJsonFile.
 */
import { readFileSync } from 'node:fs';
import { buildClassifier } from '../../src/app/createApp.js';
import { startServe } from '../../src/app/serve.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import type { GuildSettings } from '../../src/store/guildSettings.js';
import { memoryStores } from '../../src/store/openStores.js';
import type { StoredPost } from '../../src/store/postStore.js';

const [apiUrl, token, publicKey, settingsFile, postsFile] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const stores = memoryStores();
for (const s of JSON.parse(readFileSync(settingsFile, 'utf8')) as GuildSettings[])
  await stores.guilds.set(s);
await stores.posts.put(JSON.parse(readFileSync(postsFile, 'utf8')) as StoredPost[]);
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
