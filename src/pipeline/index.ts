/**
 * The public entry of the application core. Adapters (src/discord, commands/,
 * src/cli) and the composition root (src/app) import the core from here only;
 * the modules behind it are the core's internals.
 */
export { createCore, type Core, type CoreDeps, type PollStatus } from './createCore.js';
export {
  systemClock,
  PublishError,
  type Clock,
  type Logger,
  type Publisher,
  type PublishFailure,
  type Stores,
} from './ports.js';
export type { ClassifyPost } from './classifyPosts.js';
export type { TickResult } from './pollTick.js';
export type { FeedPollResult } from './pollFeed.js';
export type { BackfillProgress, BackfillResult } from './backfill.js';
export { startPoller, type Poller } from './poller.js';
