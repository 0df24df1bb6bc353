/** The public entry of the Discord adapter, for the composition root (src/app) and the CLI. */
export { createDiscordClient } from './createClient.js';
export { attachInteractions, commandContextOf, loginAndWait, watchAuth } from './discordAdapter.js';
export {
  DiscordAuthError,
  GatewayClosedError,
  describeDiscordFailure,
  type FailureContext,
} from './discordFailure.js';
export { DiscordPublisher } from './discordPublisher.js';
export { countInvalidRequests, InvalidRequestBudget, RouteBackoff } from './requestBudget.js';
export { deployCommands } from './deployCommands.js';
export { loadCommands } from './loadCommands.js';
export { createRouter } from './router.js';
export { createHttpClient, identifyBot } from './httpInteraction.js';
export { publicKeyFromHex } from './httpSignature.js';
export { startInteractionServer, type InteractionServer } from './httpInteractionServer.js';
export { manageChannelsCheck } from './discordThreads.js';
export { SharedRequestBudget, budgetedMakeRequest } from './sharedRequestBudget.js';
