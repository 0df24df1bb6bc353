/**
 * Publishes alerts in announcement channels (Discord's crosspost) for subscriptions with
 * `publish: on`. The deliverer tells it each alert message it sent (`queue`); the publish waits in
 * the persisted queue (stores.crossposts) until the channel's window has room (about 10 per hour),
 * and is claimed for a lease, so one process does it once. The alert itself is never held or
 * failed by this: a publish that cannot be done is logged, and a lasting reason (no permission)
 * is shown in /alerts list. 429 → tried again at its retry-after; 40033 (published already) counts
 * as done; 403 and a channel that is no longer an announcement channel → given up.
 */
import { randomUUID } from 'node:crypto';
import { backoffSeconds } from '../backoff.js';
import type { Logger } from '../log.js';
import type { Crosspost } from '../store/crosspostQueue.js';
import type { Subscription } from '../store/guildSettings.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import { markPublishProblem } from '../subscriptions/describePublish.js';
import type { DeliveryOptions } from './deliverAlerts.js';
import { PublishError } from './publisher.js';
import { nextPublishSlot, windowStart, type PublishWindow } from './publishWindow.js';
import { WakeTimer } from './wakeTimer.js';

export interface CrosspostDeps {
  stores: Pick<Stores, 'crossposts' | 'guilds'>;
  /** Publishes a message; throws PublishError (the publisher's `crosspost`). */
  crosspost: (channelId: string, messageId: string) => Promise<void>;
  now: () => Date;
  log: Logger;
  window: PublishWindow;
  /** Attempts and backoff for failures that are neither a limit nor a refusal (5xx, network). */
  retry: Pick<DeliveryOptions, 'maxAttempts' | 'baseBackoffSeconds' | 'maxBackoffSeconds'>;
  leaseMs: number;
  workerId?: string;
}

/** The longest it sleeps before looking again (another process's publishes, a changed clock). */
const MAX_WAKE_MS = 60_000;
const RUN_FAILURE_RETRY_MS = 5_000;
/** Discord's codes: published already; missing permissions; not possible in this channel type. */
const ALREADY_CROSSPOSTED = 40033;
const MISSING_PERMISSIONS = 50013;
const WRONG_CHANNEL_TYPE = 50024;

export class CrosspostWorker {
  readonly workerId: string;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly wake = new WakeTimer();

  constructor(private readonly deps: CrosspostDeps) {
    this.workerId = deps.workerId ?? `crossposter-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  /**
   * Queues the publish of an alert message when its subscription publishes (once per delivery id).
   * Never throws: a store failure is logged and the alert stays delivered, unpublished.
   */
  async queue(delivery: Delivery, messageId: string, subscription: Subscription): Promise<void> {
    if (!subscription.publish) return;
    const at = this.deps.now().toISOString();
    try {
      const added = await this.deps.stores.crossposts.add({
        id: delivery.id,
        guildId: delivery.guildId,
        channelId: delivery.channelId,
        messageId,
        status: 'pending',
        attempts: 0,
        dueAt: at,
        lastError: null,
        publishedAt: null,
        createdAt: at,
        updatedAt: at,
      });
      if (added) this.kick();
    } catch (err) {
      this.deps.log.error(
        { err, delivery: delivery.id, channelId: delivery.channelId },
        'could not queue the publish of a sent alert; it stays unpublished',
      );
    }
  }

  /** Starts a run unless one is running (then it runs again when done). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((err: unknown) => {
        this.deps.log.error({ err }, 'publish run failed; trying again shortly');
        this.wakeIn(RUN_FAILURE_RETRY_MS);
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no run is going on. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops scheduling; waits for a publish in flight so nothing is half-recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.stop();
    await this.idle();
  }

  /** Claims and handles due publishes until none is left, then sleeps until the next is due. */
  async runOnce(): Promise<void> {
    const { crossposts } = this.deps.stores;
    while (!this.stopped) {
      const claimed = await crossposts.claim(this.workerId, 20, this.deps.leaseMs);
      if (claimed.length === 0) break;
      for (const [i, row] of claimed.entries()) {
        // Stopped: give the rest back, so another process need not wait for their lease.
        if (this.stopped) {
          for (const rest of claimed.slice(i)) await this.record(rest);
          return;
        }
        await this.publishOne(row);
      }
    }
    await this.scheduleNext();
  }

  private async publishOne(row: Crosspost): Promise<void> {
    const { crossposts } = this.deps.stores;
    const now = this.deps.now();
    const done = await crossposts.publishedSince(row.channelId, windowStart(now, this.deps.window));
    const slot = nextPublishSlot(done, now, this.deps.window);
    if (slot > now) return this.record({ ...row, dueAt: slot.toISOString() });
    try {
      await this.deps.crosspost(row.channelId, row.messageId);
      return this.finish(row, 'done', null);
    } catch (err) {
      const error =
        err instanceof PublishError ? err : new PublishError('transient', (err as Error).message);
      return this.failed(row, error);
    }
  }

  private async failed(row: Crosspost, error: PublishError): Promise<void> {
    const where = { channelId: row.channelId, messageId: row.messageId, reason: error.message };
    if (error.code === ALREADY_CROSSPOSTED) return this.finish(row, 'done', error.message);
    if (error.status === 429 || error.failure === 'paused') {
      this.deps.log.info(where, 'publish limited by Discord; trying again at its retry-after');
      return this.record({
        ...row,
        dueAt: this.after(error.retryAfterSeconds ?? this.deps.retry.baseBackoffSeconds),
        lastError: error.message,
      });
    }
    const problem =
      error.code === MISSING_PERMISSIONS || error.failure === 'forbidden'
        ? 'no-permission'
        : error.code === WRONG_CHANNEL_TYPE
          ? 'not-announcement'
          : null;
    if (problem || error.failure === 'unknown-channel' || error.failure === 'invalid') {
      this.deps.log.warn(where, 'publish refused by Discord; giving it up');
      if (problem) await this.markProblem(row, problem);
      return this.finish(row, 'given-up', error.message);
    }
    const attempts = row.attempts + 1;
    if (attempts >= this.deps.retry.maxAttempts) {
      this.deps.log.warn(where, 'publish kept failing; giving it up');
      return this.finish({ ...row, attempts }, 'given-up', error.message);
    }
    const wait = backoffSeconds(attempts, {
      baseSeconds: this.deps.retry.baseBackoffSeconds,
      maxSeconds: this.deps.retry.maxBackoffSeconds,
    });
    return this.record({ ...row, attempts, dueAt: this.after(wait), lastError: error.message });
  }

  private finish(
    row: Crosspost,
    status: 'done' | 'given-up',
    lastError: string | null,
  ): Promise<void> {
    const at = this.deps.now().toISOString();
    // Published already (40033) counts in the window too: it was published, just not seen done.
    return this.record({ ...row, status, lastError, publishedAt: status === 'done' ? at : null });
  }

  private async record(row: Crosspost): Promise<void> {
    const updated = { ...row, updatedAt: this.deps.now().toISOString() };
    if (!(await this.deps.stores.crossposts.updateClaimed(updated, this.workerId)))
      this.deps.log.warn({ publish: row.id }, 'publish lease lost; another worker has it');
  }

  private async markProblem(
    row: Crosspost,
    reason: 'no-permission' | 'not-announcement',
  ): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.stores.guilds.update(row.guildId, (settings) =>
      settings ? markPublishProblem(settings, row.channelId, reason, at) : null,
    );
  }

  private after(seconds: number): string {
    return new Date(this.deps.now().getTime() + seconds * 1000).toISOString();
  }

  /** Wakes up for the next due publish (at most a minute away; soon when one is held by a lease). */
  private async scheduleNext(): Promise<void> {
    const next = await this.deps.stores.crossposts.nextDue();
    if (next === null) return;
    const wait = new Date(next).getTime() - this.deps.now().getTime();
    const heldByLease = Math.min(this.deps.leaseMs / 4, 5_000);
    this.wakeIn(Math.min(MAX_WAKE_MS, wait > 0 ? wait : heldByLease));
  }

  private wakeIn(ms: number): void {
    this.wake.wakeIn(ms, () => this.kick());
  }
}
