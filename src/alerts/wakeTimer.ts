/**
 * One pending wake-up at a time, for a loop that looks at a queue again later (the deliverer, the
 * publish worker): a second request while one is pending is dropped, a stopped timer schedules
 * nothing, and the timer never keeps the process alive.
 */
export class WakeTimer {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** Whether a wake-up is pending. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Runs `wake` in `ms`, unless one is pending already or the timer is stopped. */
  wakeIn(ms: number, wake: () => void): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      wake();
    }, ms);
    this.timer.unref();
  }

  /** Cancels the pending wake-up for good. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
