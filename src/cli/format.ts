/** Plain-text renderings of posts and poll results for the terminal. */
import { SEVERITY_NAMES, type Severity } from '../classify/vocabulary.js';
import type { TickResult } from '../pipeline/pollTick.js';
import type { StoredPost } from '../store/postStore.js';

const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '\x1b[41;97m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[90m',
};

/** `[HIGH]`-style badge, coloured when `colour` is set (stdout is a terminal). */
export function severityBadge(severity: Severity, colour: boolean): string {
  const badge = `[${SEVERITY_NAMES[severity].en.toUpperCase()}]`.padEnd(10);
  return colour ? `${SEVERITY_COLOURS[severity]}${badge}\x1b[0m` : badge;
}

/** One line per stored post: severity, incident id, organisation, title. */
export function formatPostLine(record: StoredPost, colour: boolean): string {
  const c = record.classification;
  const id = c.incidentId ? `#${c.incidentId} ` : '';
  const org = c.organization ? `${c.organization} — ` : '';
  return `  ${severityBadge(c.severity, colour)} ${c.kind.padEnd(15)} ${c.cause.padEnd(19)} ${id}${org}${record.post.title}`;
}

/** What a poll tick did, feed by feed. */
export function formatTickResult(result: TickResult, colour: boolean): string[] {
  switch (result.status) {
    case 'ok':
      if (result.firstPoll) {
        return [
          `${result.feedUrl}: first poll — stored ${result.entries} entries as history (nothing alerted)`,
        ];
      }
      return [
        `${result.feedUrl}: ${result.newPosts.length} new post(s) of ${result.entries} entries`,
        ...result.newPosts.map((record) => formatPostLine(record, colour)),
      ];
    case 'not-modified':
      return [`${result.feedUrl}: not modified (HTTP 304)`];
    case 'backing-off':
      return [`${result.feedUrl}: skipped, backing off until ${result.nextAttemptAt}`];
    case 'error':
      return [
        `${result.feedUrl}: FAILED (${result.reason}); failure ${result.failures}, next attempt ${result.nextAttemptAt}`,
      ];
    case 'crashed':
      return [`${result.feedUrl}: FAILED unexpectedly (${result.reason})`];
  }
}
