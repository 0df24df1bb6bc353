/** When the deliverer looks at the outbox again after a run: pure, from the pending rows. */
import type { Delivery } from '../store/outboxStore.js';

/**
 * The longest the deliverer sleeps before looking again, even when the next held digest is hours
 * away: a clock change or another process's new rows never leave a digest late by more than this.
 */
const MAX_WAKE_MS = 60_000;

/**
 * Milliseconds until the earliest pending row is worth another look (null: nothing pending). A row
 * that became due while the run went on is tried at once; one that was due before and still not
 * claimed is held by another worker's lease (or a killed one's): look again after a quarter of a
 * lease (at most 5 s).
 */
export function nextWakeMs(
  pending: readonly Delivery[],
  now: number,
  runStartedAt: number,
  leaseMs: number,
): number | null {
  if (pending.length === 0) return null;
  // A row is due at its retry time or when its hold ends, whichever is later.
  const times = pending.map((d) =>
    Math.max(
      d.nextAttemptAt ? new Date(d.nextAttemptAt).getTime() : 0,
      d.holdUntil ? new Date(d.holdUntil).getTime() : 0,
    ),
  );
  const held = Math.min(leaseMs / 4, 5_000);
  const waits = times.map((t) => (t > now ? t - now : t >= runStartedAt ? 0 : held));
  return Math.min(MAX_WAKE_MS, ...waits);
}
