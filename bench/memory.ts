/**
 * Resident memory of the bot process with 10,000 servers (each with its
 * settings and a subscription, delivered by the gateway) and 10,000 stored
 * incidents. The emulator runs in a child process so only the bot is measured.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createInterface } from 'node:readline';
import { memoryStores } from '../src/store/openStores.js';
import { bootBot, fixturePosts } from './botBenches.js';
import { manyIncidents, subscribeAll } from './world.js';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function runMemoryBench(servers = 10_000, incidents = 10_000): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./emulatorProcess.js', import.meta.url)), String(servers)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const world = JSON.parse(line) as {
    apiUrl: string;
    token: string;
    servers: Array<{ guildId: string; channelIds: string[] }>;
  };
  collectGarbage();
  const before = process.memoryUsage().rss;
  const stores = memoryStores();
  for (const settings of subscribeAll(
    world.servers.map((s) => ({ guildId: s.guildId, channelIds: s.channelIds.slice(0, 1) })),
  ))
    await stores.guilds.set(settings);
  await stores.posts.put(manyIncidents(await fixturePosts(), incidents));
  collectGarbage();
  const withData = process.memoryUsage();
  const { bot } = await bootBot(world, stores);
  const guildsSeen = bot.client.guilds.cache.size;
  collectGarbage();
  const after = process.memoryUsage();
  await bot.stop();
  child.stdin.end();
  await once(child, 'exit');
  return [
    `memory: bot with ${guildsSeen} servers from the gateway, ${servers} servers' settings and ${incidents} incidents in the store`,
    `  rss ${mb(after.rss)}, heap used ${mb(after.heapUsed)}; the process before any data ${mb(before)} rss; with the stored data, before login, ${mb(withData.rss)} rss / ${mb(withData.heapUsed)} heap`,
  ];
}
