/** Runs poll ticks on a node-cron schedule, never two at once. */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { TickResult } from './pollTick.js';

/** A running poll schedule. */
export interface Poller {
  /** Runs one tick now unless one is already running (then resolves null). */
  runNow(): Promise<TickResult[] | null>;
  /** Stops scheduling and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/** Schedules `tick` with `expression`; a tick still running when the next is due is skipped, not stacked. */
export function startPoller(
  expression: string,
  tick: () => Promise<TickResult[]>,
  log: Logger,
): Poller {
  let running: Promise<TickResult[]> | null = null;
  const runNow = async (): Promise<TickResult[] | null> => {
    if (running) {
      log.warn('previous poll still running; skipping this tick');
      return null;
    }
    running = tick();
    try {
      return await running;
    } catch (err) {
      log.error({ err }, 'poll tick failed');
      return null;
    } finally {
      running = null;
    }
  };
  const task: ScheduledTask = cron.schedule(expression, () => runNow(), {
    name: 'jikenbo-poll',
    noOverlap: true,
    // node-cron's own logger prints coloured non-JSON lines to the console; ours writes JSON.
    logger: {
      info: (message) => log.debug({ source: 'node-cron' }, message),
      warn: (message) => log.warn({ source: 'node-cron' }, message),
      error: (message, err) => log.error({ source: 'node-cron', err }, String(message)),
      debug: (message, err) => log.debug({ source: 'node-cron', err }, String(message)),
    },
  });
  return {
    runNow,
    async stop() {
      await task.stop();
      await task.destroy();
      await running?.catch(() => undefined);
    },
  };
}
