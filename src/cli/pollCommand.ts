/** `jikenbo poll [--once]`: one tick, or ticks on POLL_SCHEDULE until interrupted. */
import type { App } from '../app/createApp.js';
import { startPoller, type TickResult } from '../pipeline/index.js';
import { formatTickResult } from './format.js';

export interface Output {
  out: (line: string) => void;
  colour: boolean;
}

/**
 * A wiped or replaced store: say so in one line and do nothing (its next poll would be taken as
 * history, dropping what was published in the gap). Returns true when paused.
 */
export function pausedBecauseReplaced(app: App, io: Output): boolean {
  const status = app.core.pollStatus();
  if (status.state === 'active') return false;
  io.out(
    `the store is not the one used before (install id ${status.expectedInstallId}, now ${status.foundInstallId}, created ${status.foundCreatedAt}): it was wiped or replaced, so nothing is polled; run with --accept-new-store (or ACCEPT_NEW_STORE=true) to take it as a new store`,
  );
  return true;
}

/** A tick failed when a feed failed, or when no feed was read at all (every one backing off). */
function failed(results: TickResult[]): boolean {
  return (
    results.some((r) => r.status === 'error' || r.status === 'crashed') ||
    (results.length > 0 && results.every((r) => r.status === 'backing-off'))
  );
}

/** Returns the exit code: 0 when a feed was read and none failed; 1 when one failed or none was read. */
export async function runPoll(app: App, once: boolean, io: Output): Promise<number> {
  if (pausedBecauseReplaced(app, io)) return 1;
  const tick = () => app.core.pollOnce();
  if (once) {
    const results = await tick();
    for (const result of results)
      formatTickResult(result, io.colour).forEach((line) => io.out(line));
    return failed(results) ? 1 : 0;
  }
  io.out(
    `polling ${app.config.feedUrls.length} feed(s) on "${app.config.pollSchedule}"; Ctrl-C stops`,
  );
  const poller = startPoller(
    app.config.pollSchedule,
    async () => {
      const results = await tick();
      for (const result of results)
        formatTickResult(result, io.colour).forEach((line) => io.out(line));
      return results;
    },
    app.log,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await poller.stop();
  return 0;
}
