/**
 * Poll leadership for several processes on one store: every process keeps its schedule, and each
 * tick first asks the shared lease; only the holder polls. The lease lasts one and a half of the
 * schedule's longest gap, so a leader that dies right after renewing has lost it before the second
 * tick after that: another process takes the poll within two ticks. While a tick runs, the lease is
 * renewed every third of its length (at most a minute), so a slow tick does not let a second poller
 * start beside it.
 */
import cron from 'node-cron';
import type { Logger } from '../log.js';
import type { PollLease } from '../store/sql/pollLease.js';
import type { TickResult } from './pollTick.js';

/** The lease that elects the single poller among processes, and how long a claim lasts. */
export interface LeadershipOptions {
  lease: PollLease;
  /** This process's worker id (unique per process). */
  holder: string;
  ttlMs: number;
  log: Logger;
}

/** A tick that only the lease holder runs. */
export interface LeaderTick {
  /** Runs `tick` when this process holds (or takes) the lease; resolves [] when another leads. */
  (): Promise<TickResult[]>;
  /** Gives the lease up, so another process can take the next tick at once (shutdown). */
  release(): Promise<void>;
}

/** The longest gap between the next runs of a cron expression, in ms. */
export function scheduleGapMs(expression: string, runs = 12): number {
  const task = cron.createTask(expression, () => undefined);
  try {
    const next = task.getNextRuns(runs).map((d) => d.getTime());
    let gap = 0;
    for (let i = 1; i < next.length; i++)
      gap = Math.max(gap, (next[i] as number) - (next[i - 1] as number));
    return gap;
  } finally {
    void task.destroy();
  }
}

/** The lease length for a schedule: longer than one gap (the leader renews in time), under two. */
export function leaseTtlFor(expression: string): number {
  return Math.round(scheduleGapMs(expression) * 1.5);
}

/**
 * The longest a timer waits (Node fires a longer one after 1 ms, with a TimeoutOverflowWarning)
 * capped further at a minute: renewing more often than needed costs one query a minute of a tick.
 */
const MAX_RENEW_EVERY_MS = 60_000;

/**
 * How often a tick renews the lease it runs under: a third of the lease, so two renewals can fail
 * before it lapses, and at most a minute (a yearly schedule's third would be 183 days, more than a
 * timer can wait).
 */
export function renewEveryMs(ttlMs: number): number {
  return Math.max(1, Math.min(MAX_RENEW_EVERY_MS, Math.floor(ttlMs / 3)));
}

/** Wraps `tick` so that only the lease holder runs it. */
export function leaderOnlyTick(
  tick: () => Promise<TickResult[]>,
  options: LeadershipOptions,
): LeaderTick {
  const { lease, holder, ttlMs, log } = options;
  let term: number | null = null;
  const run = async (): Promise<TickResult[]> => {
    const now = await lease.acquire(holder, ttlMs);
    if (now === null) {
      if (term !== null) log.info({ holder }, 'poll leadership lost; another process polls');
      term = null;
      return [];
    }
    if (term !== now) log.info({ holder, term: now }, 'poll leadership taken');
    term = now;
    const renew = setInterval(() => {
      lease.acquire(holder, ttlMs).then(
        (renewed) => {
          if (renewed === null) log.warn({ holder }, 'poll lease lost during a tick');
        },
        (err: unknown) => log.warn({ err }, 'could not renew the poll lease'),
      );
    }, renewEveryMs(ttlMs));
    renew.unref();
    try {
      return await tick();
    } finally {
      clearInterval(renew);
    }
  };
  return Object.assign(run, {
    release: async () => {
      term = null;
      await lease.release(holder);
    },
  });
}
