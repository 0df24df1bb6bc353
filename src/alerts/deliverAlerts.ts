/**
 * The delivery worker: fans new posts out into deliveries (the poller stores
 * them with the posts, in one step) and posts what is due, channel by channel.
 * It claims outbox rows for a lease (`claim` → publish → `updateClaimed`), so
 * several workers or processes never send the same row at once, and rows of a
 * killed worker come back when its lease expires. Each (post, channel) is sent
 * at most once per claim: the outbox keeps one delivery per pair, and the
 * message nonce lets Discord drop a resend after a crash between sending and
 * recording. 403/404 mark the subscription broken; transient failures back
 * off, and the channel's later alerts wait with them, so a channel's alerts
 * stay in order; one bad channel never holds up the others.
 */
import { randomUUID } from 'node:crypto';
import type { Limits } from '../config/limits.js';
import type { Logger } from '../log.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import type { ShardSet } from '../store/sql/shards.js';
import { claimDue } from './claimTakeovers.js';
import { deliverDigest } from './deliverDigest.js';
import { markBroken, postponeClaimed } from './deliveryRecords.js';
import { fanOut } from './fanOut.js';
import { fanOutWatches } from './fanOutWatches.js';
import { nextWakeMs } from './nextWake.js';
import { WakeTimer } from './wakeTimer.js';
import type { Publisher } from './publisher.js';
import { sendDelivery, type SendDeps } from './sendDelivery.js';

/**
 * Attempts, backoff and concurrency of delivery: config/limits.json `delivery`
 * is their one source (validated at load). Concurrency is channels served at
 * once; the REST client keeps the global rate itself.
 */
export type DeliveryOptions = Limits['delivery'];

export interface DeliveryDeps {
  stores: Pick<Stores, 'outbox' | 'posts' | 'guilds'>;
  publisher: Publisher;
  now: () => Date;
  log: Logger;
  options: DeliveryOptions;
  /** Names this worker's claims; unique per deliverer by default. */
  workerId?: string;
  /** The shards this process serves: it claims only their guilds' deliveries (default: all). */
  shards?: ShardSet;
  /** How long a claim holds a row (default: options.leaseSeconds): a killed worker's rows come back after it. */
  leaseMs?: number;
  /** Rows per claim (default 100). */
  claimBatch?: number;
  /** Told of each alert message sent (or found sent), before it is recorded: the publish queue's. */
  onSent?: SendDeps['onSent'];
}

/** A run that failed (a store outage) is tried again after this long. */
const RUN_FAILURE_RETRY_MS = 5_000;
export interface RunSummary {
  delivered: number;
  failed: number;
  retrying: number;
}

export class AlertDeliverer {
  private readonly options: DeliveryOptions;
  private running: Promise<RunSummary> | null = null;
  private again = false;
  private stopped = false;
  private readonly wake = new WakeTimer();
  /** This worker's name on its claims. */
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly claimBatch: number;
  /** Channels whose oldest alert waits for a retry: their later alerts wait until then too. */
  private readonly held = new Map<string, string>();
  /** Claimed rows whose last holder died holding them: it may have sent them already. */
  private readonly takenOver = new Set<string>();
  /** What sending and recording one delivery needs (see sendDelivery). */
  private readonly sendDeps: SendDeps;

  constructor(private readonly deps: DeliveryDeps) {
    this.options = deps.options;
    this.workerId = deps.workerId ?? `deliverer-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.leaseMs ?? deps.options.leaseSeconds * 1000;
    this.claimBatch = deps.claimBatch ?? 100;
    this.sendDeps = {
      stores: deps.stores,
      publisher: deps.publisher,
      now: deps.now,
      log: deps.log,
      options: deps.options,
      workerId: this.workerId,
      leaseMs: this.leaseMs,
      takenOver: this.takenOver,
      ...(deps.onSent && { onSent: deps.onSent }),
    };
  }

  /**
   * The deliveries new posts get: one per healthy subscription whose filter they pass, and one per
   * channel a watched name sends them to (the same id when both, so one message).
   */
  async fanOut(records: readonly StoredPost[]): Promise<Delivery[]> {
    const guilds = await this.deps.stores.guilds.list();
    const now = this.deps.now();
    const byId = new Map<string, Delivery>();
    for (const d of [...fanOut(records, guilds, now), ...fanOutWatches(records, guilds, now)])
      if (!byId.has(d.id)) byId.set(d.id, d);
    return [...byId.values()];
  }

  /** Told which deliveries were just queued (with their posts): starts delivering them. */
  queued(added: readonly Delivery[]): void {
    if (added.length > 0) this.deps.log.info({ deliveries: added.length }, 'alerts queued');
    this.kick();
  }

  /**
   * Queues alerts for posts already stored (idempotent) and starts delivering them. The poller
   * does not use this: it stores deliveries with their posts in one step (`fanOut`, then `queued`).
   */
  async enqueue(records: readonly StoredPost[]): Promise<number> {
    const added = await this.deps.stores.outbox.enqueue(await this.fanOut(records));
    this.queued(added);
    return added.length;
  }

  /** Starts a delivery run unless one is running (then it runs again when done). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    this.running.catch((err: unknown) => {
      this.deps.log.error({ err }, 'delivery run failed; trying again shortly');
      this.retryIn(RUN_FAILURE_RETRY_MS);
    });
  }

  /** Resolves when nothing is running (used by tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Stops scheduling; waits for sends in flight so nothing is half-recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.stop();
    await this.idle();
  }

  /** Claims and delivers due deliveries until none is left to claim. */
  async runOnce(): Promise<RunSummary> {
    const startedAt = this.deps.now().getTime();
    const summary: RunSummary = { delivered: 0, failed: 0, retrying: 0 };
    const { outbox } = this.deps.stores;
    while (!this.stopped) {
      // Rows taken over from a holder whose lease ran out are looked for in the channel first.
      const claimed = await claimDue(
        outbox,
        {
          workerId: this.workerId,
          batch: this.claimBatch,
          leaseMs: this.leaseMs,
          shards: this.deps.shards,
        },
        this.takenOver,
      );
      if (claimed.length === 0) break;
      const byChannel = new Map<string, Delivery[]>();
      // Claims come oldest first, so each channel's queue is in order.
      for (const d of claimed)
        byChannel.set(d.channelId, [...(byChannel.get(d.channelId) ?? []), d]);
      const queues = [...byChannel.values()];
      const workers = Array.from(
        { length: Math.min(this.options.concurrency, queues.length) },
        async () => {
          for (let queue = queues.shift(); queue; queue = queues.shift())
            await this.deliverChannel(queue, summary);
        },
      );
      await Promise.all(workers);
      // Stopped: give back the claims no worker reached, so the next process need not wait a lease.
      if (this.stopped) await this.postpone(queues.flat(), null);
    }
    this.scheduleRetry(startedAt);
    return summary;
  }

  private async deliverChannel(claimed: Delivery[], summary: RunSummary): Promise<void> {
    const channelId = claimed[0]?.channelId ?? '';
    const heldUntil = this.held.get(channelId);
    if (heldUntil && new Date(heldUntil) > this.deps.now())
      return this.postpone(claimed, heldUntil);
    const queue = claimed.filter((d) => d.holdUntil == null);
    if (queue.length < claimed.length) {
      const retryAt = await this.deliverHeld(channelId, claimed, summary);
      if (retryAt) return this.postpone(queue, retryAt);
    }
    for (const [i, delivery] of queue.entries()) {
      if (this.stopped) return this.postpone(queue.slice(i), null);
      const outcome = await sendDelivery(this.sendDeps, delivery);
      if (outcome === 'lost') continue;
      if (typeof outcome === 'string') {
        summary[outcome]++;
        continue;
      }
      // Keep the channel's order: its later alerts wait for the failed one's retry.
      summary.retrying++;
      this.held.set(delivery.channelId, outcome.retryAt);
      return this.postpone(queue.slice(i + 1), outcome.retryAt);
    }
    this.held.delete(queue[0]?.channelId ?? '');
  }

  /**
   * Sends the channel's held rows whose time has come as one digest: those in this claim and every
   * other due one of the channel. Returns when the channel must wait for a retry, else null.
   */
  private async deliverHeld(
    channelId: string,
    claimed: readonly Delivery[],
    summary: RunSummary,
  ): Promise<string | null> {
    const { outbox, posts, guilds } = this.deps.stores;
    const rest = await outbox.claimHeld(this.workerId, channelId, this.leaseMs);
    const rows = [
      ...new Map(
        [...claimed.filter((d) => d.holdUntil != null), ...rest].map((d) => [d.id, d]),
      ).values(),
    ].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    );
    const outcome = await deliverDigest(rows, {
      outbox,
      posts,
      guilds,
      publisher: this.deps.publisher,
      now: this.deps.now,
      log: this.deps.log,
      options: this.options,
      workerId: this.workerId,
      markBroken: (guildId, channel, reason) => markBroken(this.sendDeps, guildId, channel, reason),
      ...(this.deps.onSent && { onSent: this.deps.onSent }),
    });
    summary.delivered += outcome.delivered;
    summary.failed += outcome.failed;
    if (!outcome.retryAt) return null;
    summary.retrying++;
    this.held.set(channelId, outcome.retryAt);
    return outcome.retryAt;
  }

  /** Gives claimed deliveries back unsent, due at `at` (null: now). */
  private postpone(deliveries: readonly Delivery[], at: string | null): Promise<void> {
    return postponeClaimed(this.sendDeps, deliveries, at);
  }

  /** Wakes up for the earliest retry (see nextWakeMs). */
  private scheduleRetry(runStartedAt: number): void {
    if (this.stopped || this.wake.pending) return;
    void this.deps.stores.outbox.pending().then(
      (pending) => {
        const wait = nextWakeMs(pending, this.deps.now().getTime(), runStartedAt, this.leaseMs);
        if (wait !== null && !this.stopped) this.retryIn(wait);
      },
      (err: unknown) => {
        this.deps.log.error({ err }, 'reading pending deliveries failed; trying again shortly');
        this.retryIn(RUN_FAILURE_RETRY_MS);
      },
    );
  }

  private retryIn(ms: number): void {
    this.wake.wakeIn(ms, () => this.kick());
  }
}
