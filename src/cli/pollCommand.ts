/** `jikenbo poll [--once]`: one tick, or ticks on POLL_SCHEDULE until interrupted. */
import type { App } from '../app/createApp.js';
import { startPoller, type TickResult } from '../pipeline/index.js';
import { formatTickResult } from './format.js';

export interface Output {
  out: (line: string) => void;
  colour: boolean;
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
