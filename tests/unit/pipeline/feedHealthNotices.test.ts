import { describe, expect, it } from 'vitest';
import { decideFeedNotices, renderFeedNotice } from '../../../src/pipeline/feedHealthNotices.js';
import type { TickResult } from '../../../src/pipeline/pollTick.js';

const URL_A = 'http://127.0.0.1/a';
const failed = (failures: number, feedUrl = URL_A): TickResult => ({
  feedUrl,
  status: 'error',
  reason: 'HTTP 503',
  failures,
  nextAttemptAt: '2026-12-02T01:00:00.000Z',
});
const ok = (feedUrl = URL_A): TickResult => ({
  feedUrl,
  status: 'ok',
  firstPoll: false,
  entries: 3,
  newPosts: [],
});

/** Runs the decision over a sequence of ticks, as the core does, collecting every notice. */
function run(ticks: TickResult[][], afterFailures = 5) {
  let announced = new Map<string, number>();
  const all = [];
  for (const tick of ticks) {
    const decided = decideFeedNotices(tick, announced, afterFailures);
    announced = decided.announced;
    all.push(...decided.notices);
  }
  return all;
}

describe('feed trouble notices', () => {
  it('says nothing before the threshold, once at it, and never again while the feed keeps failing', () => {
    const notices = run([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [failed(n)]));
    expect(notices).toEqual([
      {
        type: 'failing',
        feedUrl: URL_A,
        failures: 5,
        reason: 'HTTP 503',
        nextAttemptAt: '2026-12-02T01:00:00.000Z',
      },
    ]);
  });

  it('announces one recovery after an announced outage, with the failure count it reached', () => {
    const notices = run([...[1, 2, 3, 4, 5, 6].map((n) => [failed(n)]), [ok()], [ok()]]);
    expect(notices.map((n) => [n.type, n.failures])).toEqual([
      ['failing', 5],
      ['recovered', 6],
    ]);
  });

  it('stays quiet about a short outage that never reached the threshold', () => {
    expect(run([[failed(1)], [failed(2)], [ok()]])).toEqual([]);
  });

  it('treats each feed on its own, and waiting out a backoff changes nothing', () => {
    const b = 'http://127.0.0.1/b';
    const notices = run(
      [
        [failed(1), ok(b)],
        [failed(2), failed(1, b)],
        [{ feedUrl: URL_A, status: 'backing-off', nextAttemptAt: 'x' }, failed(2, b)],
        [ok(), ok(b)],
      ],
      2,
    );
    expect(notices.map((n) => [n.type, n.feedUrl])).toEqual([
      ['failing', URL_A],
      ['failing', b],
      ['recovered', URL_A],
      ['recovered', b],
    ]);
  });

  it('words the notice in the admin’s language with the reason and the next attempt', () => {
    const [notice] = run([[failed(5)]]);
    expect(renderFeedNotice(notice!, 'ja').content).toBe(
      `⚠️ フィード ${URL_A} の取得が5回続けて失敗しています: HTTP 503。次回の試行は<t:1796173200:R>です。`,
    );
    expect(renderFeedNotice({ type: 'recovered', feedUrl: URL_A, failures: 6 }, 'en-US')).toEqual({
      content: `✅ The feed ${URL_A} works again (after 6 failures in a row).`,
      embeds: [],
      allowed_mentions: { parse: [], roles: [] },
    });
  });
});
