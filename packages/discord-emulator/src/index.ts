/**
 * A local Discord for development: REST, gateway, a world of servers, channels,
 * members and roles, Discord's rate limits and validation, and fault injection.
 * Dev-only: used by the tests, the benches and `jikenbo demo`, never shipped.
 */
export { DiscordEmulator, DEFAULT_TOKEN, OptionType, InteractionType } from './emulator.js';
export type {
  EmulatorOptions,
  RecordedRequest,
  CommandOption,
  InteractionTarget,
  InteractionRecord,
  Reply,
} from './emulator.js';
export { addDemoGuild, DEMO_GUILD, type DemoGuild } from './demoWorld.js';
export { channel, int, role, str, subcommand } from './options.js';
export {
  countsTowardGlobalLimit,
  DISCORD_RATE_LIMITS,
  type RateLimitConfig,
} from './rateLimits.js';
export {
  validateMessage,
  LIMITS as DISCORD_MESSAGE_LIMITS,
  type FieldError,
} from './validation.js';
export { World, ChannelType, type GuildSpec, type StoredMessage } from './world.js';
export { Permission } from './permissions.js';
export type { FaultKind, FaultRule } from './faults.js';
export {
  handleViewRequest,
  injectMessage,
  viewState,
  launchChromium,
  CHROMIUM_PATH,
  type ViewState,
  type ViewBrowser,
} from './view/index.js';
export { SignedInteractionSender, type HttpDelivery, type Signing } from './httpInteractions.js';
export { archiveThread, deleteThread, THREAD_NAME_MAX } from './threads.js';
export { FORUM_LIMITS } from './restForum.js';
