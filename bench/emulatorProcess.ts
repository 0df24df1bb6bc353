/** A Discord emulator with many servers in its own process, so the bot's memory can be measured alone. */
import { DiscordEmulator } from '@jikenbo/discord-emulator';
import { addServers } from './world.js';

const guilds = Number(process.argv[2] ?? 10_000);
const emulator = await new DiscordEmulator({
  rateLimits: {
    enabled: false,
    globalPerSecond: 50,
    messagesPerChannel: { limit: 5, windowMs: 5000 },
  },
  waitTimeoutMs: 600_000,
}).start();
const servers = addServers(emulator.world, guilds, 2);
process.stdout.write(
  `${JSON.stringify({ apiUrl: emulator.apiUrl, token: emulator.token, servers })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void emulator.stop().then(() => process.exit(0)));
