/**
 * The Discord adapter: turns interactions into calls of the core (through the
 * command files) and logs the client's life. It builds nothing of the core;
 * the composition root in src/app hands it a finished one.
 */
import { Events, type Client } from 'discord.js';
import type { Core, Logger } from '../pipeline/index.js';
import type { CommandContext } from './commandModule.js';
import { loadCommands } from './loadCommands.js';
import { createRouter } from './router.js';

/** What a command handler gets from the core. */
export function commandContextOf(core: Core): CommandContext {
  if (!core.publisher) throw new Error('the Discord adapter needs a core with a publisher');
  return {
    stores: core.stores,
    publisher: core.publisher,
    feedUrls: core.feedUrls,
    limits: core.limits,
    now: core.now,
    log: core.log.child({ module: 'commands' }),
    pollStatus: () => core.pollStatus(),
  };
}

/** Routes the client's interactions to the command files, with `core` as their context. */
export async function attachInteractions(client: Client, core: Core, log: Logger): Promise<void> {
  const route = createRouter(await loadCommands(), commandContextOf(core));
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardResume, () => log.info('gateway session resumed'));
}

/** Logs in and resolves once the gateway says the client is ready. */
export async function loginAndWait(client: Client, token: string, log: Logger): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  log.info({ guilds: client.guilds.cache.size, user: client.user?.tag }, 'logged in');
}
