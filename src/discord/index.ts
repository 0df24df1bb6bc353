/** The public entry of the Discord adapter, for the composition root (src/app) and the CLI. */
export { createDiscordClient } from './createClient.js';
export { attachInteractions, commandContextOf, loginAndWait } from './discordAdapter.js';
export { DiscordPublisher } from './discordPublisher.js';
export { deployCommands } from './deployCommands.js';
export { loadCommands } from './loadCommands.js';
export { createRouter } from './router.js';
export { createHttpClient, identifyBot } from './httpInteraction.js';
export { publicKeyFromHex } from './httpSignature.js';
export { startInteractionServer, type InteractionServer } from './httpInteractionServer.js';
