/**
 * The Discord adapter: turns interactions into calls of the core (through the
 * command files) and logs the client's life. It builds nothing of the core;
 * the composition root in src/app hands it a finished one.
 */
import { Events, RESTEvents, type Client } from 'discord.js';
import type { Core, Logger } from '../pipeline/index.js';
import type { CommandContext } from './commandModule.js';
import { loadCommands } from './loadCommands.js';
import { DiscordAuthError, GatewayClosedError } from './discordFailure.js';
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

/** The gateway's close code for a refused token (discord.js then gives up on the shard). */
const AUTH_FAILED = 4004;

/**
 * Calls `onFatal` once when Discord refuses the token: a REST 401 on an
 * authenticated request (discord.js then drops its token and every later call
 * fails) or the gateway closing with 4004. The caller ends the process.
 */
export function watchAuth(client: Client, onFatal: (err: DiscordAuthError) => void): void {
  let fired = false;
  const fire = (err: DiscordAuthError) => {
    if (fired) return;
    fired = true;
    onFatal(err);
  };
  client.rest.on(RESTEvents.Response, (request, response) => {
    // Interaction callbacks carry their own token (auth: false); a 401 there is not the bot's.
    if (response.status === 401 && request.data.auth !== false) fire(new DiscordAuthError('rest'));
  });
  client.on(Events.ShardDisconnect, (event) => {
    if (event.code === AUTH_FAILED) fire(new DiscordAuthError('gateway'));
  });
}

/**
 * Logs in and resolves once the gateway says the client is ready; rejects when
 * the token is refused or the gateway closes for good before that (instead of
 * waiting for a ready that never comes).
 */
export async function loginAndWait(client: Client, token: string, log: Logger): Promise<void> {
  let onDisconnect: ((event: { code: number }) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    onDisconnect = (event) =>
      reject(
        event.code === AUTH_FAILED
          ? new DiscordAuthError('gateway')
          : new GatewayClosedError(event.code),
      );
    client.on(Events.ShardDisconnect, onDisconnect);
  });
  try {
    await Promise.all([client.login(token), ready]);
  } finally {
    if (onDisconnect) client.off(Events.ShardDisconnect, onDisconnect);
  }
  log.info({ guilds: client.guilds.cache.size, user: client.user?.tag }, 'logged in');
}
