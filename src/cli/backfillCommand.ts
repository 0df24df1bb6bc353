/** `jikenbo backfill [--max N] [--feed URL]`: store every past post, alerting none. */
import { FeedFetchError } from '../feed/fetchFeed.js';
import { FeedParseError } from '../feed/parseFeed.js';
import type { App } from '../app/createApp.js';
import { pausedBecauseReplaced, type Output } from './pollCommand.js';
import { backfillProgressPrinter, type ProgressStream } from './progress.js';

export async function runBackfill(
  app: App,
  options: { maxPosts?: number; feeds: string[] },
  io: Output,
  /** A terminal gets one redrawn progress line per feed instead of a line per page. */
  progress?: ProgressStream,
): Promise<number> {
  if (pausedBecauseReplaced(app, io)) return 1;
  let exitCode = 0;
  for (const feedUrl of options.feeds) {
    try {
      const printer = backfillProgressPrinter(feedUrl, io.out, progress);
      const result = await app.core
        .backfill(feedUrl, { maxPosts: options.maxPosts, onProgress: printer.onProgress })
        .finally(printer.done);
      if (result.cutShort) {
        const bound =
          result.cutShort.by === 'max-posts'
            ? `--max ${result.cutShort.limit}`
            : `limits.backfill.maxPages (${result.cutShort.limit}) in config/limits.json`;
        io.out(
          `${feedUrl}: CUT SHORT by ${bound} — ${result.pages} page(s), ${result.entries} entries, ${result.stored} newly stored, ${result.linked} linked to earlier incidents; older entries were not read`,
        );
        exitCode = 1;
      } else {
        io.out(
          `${feedUrl}: done — every page read: ${result.pages} page(s), ${result.entries} entries, ${result.stored} newly stored, ${result.linked} linked to earlier incidents`,
        );
      }
    } catch (err) {
      if (!(err instanceof FeedFetchError || err instanceof FeedParseError)) throw err;
      io.out(`${feedUrl}: FAILED (${err.message}); what was stored before the failure is kept`);
      exitCode = 1;
    }
  }
  io.out(`posts stored in total: ${await app.stores.posts.count()}`);
  return exitCode;
}
