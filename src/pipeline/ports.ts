/**
 * The ports of the application core: what it needs from the world, as
 * interfaces. Adapters (Discord, keyv/SQL stores, pino, the system clock)
 * implement them; the core never names an adapter.
 */
export type { Publisher, PublishFailure } from '../alerts/publisher.js';
export { PublishError } from '../alerts/publisher.js';
export type { Stores } from '../store/openStores.js';
export type { Logger } from '../log.js';

/** The time source: injected so that schedules and backoff are testable without sleeping. */
export type Clock = () => Date;

/** The system clock. */
export const systemClock: Clock = () => new Date();
