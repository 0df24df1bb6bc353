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
import { createHash, randomUUID } from 'node:crypto';
import type { Limits } from '../config/limits.js';
import type { Logger } from '../log.js';
import { backoffSeconds } from '../backoff.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { markChannelBroken } from '../subscriptions/subscribe.js';
import { fanOut } from './fanOut.js';
import { PublishError, type Publisher } from './publisher.js';
import type { AlertMessage } from './renderAlert.js';
import { renderForChannel } from './updateContext.js';
import { fanOutWatches } from './fanOutWatches.js';
import { channelSubscription } from './watchAlert.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';
import { deliverDigest } from './deliverDigest.js';
import type { ShardSet } from '../store/sql/shards.js';

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
  onSent?: (delivery: Delivery, messageId: string, subscription: Subscription) => Promise<void>;
}

/** A run that failed (a store outage) is tried again after this long. */
const RUN_FAILURE_RETRY_MS = 5_000;
/**
 * The longest the deliverer sleeps before looking again, even when the next held digest is hours
 * away: a clock change or another process's new rows never leave a digest late by more than this.
 */
const MAX_WAKE_MS = 60_000;

export interface RunSummary {
  delivered: number;
  failed: number;
  retrying: number;
}

/** A stable nonce (≤ 25 characters) for a delivery. */
export function nonceOf(deliveryId: string): string {
  return createHash('sha256').update(deliveryId).digest('base64url').slice(0, 25);
}

export class AlertDeliverer {
  private readonly options: DeliveryOptions;
  private running: Promise<RunSummary> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** This worker's name on its claims. */
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly claimBatch: number;
  /** Channels whose oldest alert waits for a retry: their later alerts wait until then too. */
  private readonly held = new Map<string, string>();
  /** Claimed rows whose last holder died holding them: it may have sent them already. */
  private readonly takenOver = new Set<string>();

  constructor(private readonly deps: DeliveryDeps) {
    this.options = deps.options;
    this.workerId = deps.workerId ?? `deliverer-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.leaseMs ?? deps.options.leaseSeconds * 1000;
    this.claimBatch = deps.claimBatch ?? 100;
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
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  /** Claims and delivers due deliveries until none is left to claim. */
  async runOnce(): Promise<RunSummary> {
    const startedAt = this.deps.now().getTime();
    const summary: RunSummary = { delivered: 0, failed: 0, retrying: 0 };
    const { outbox } = this.deps.stores;
    while (!this.stopped) {
      // Rows taken over from a holder whose lease ran out are looked for in the channel first.
      const claimed = outbox.claimNotingTakeovers
        ? (
            await outbox.claimNotingTakeovers(
              this.workerId,
              this.claimBatch,
              this.leaseMs,
              this.deps.shards,
            )
          ).map(({ delivery, takenOverFrom }) => {
            if (takenOverFrom) this.takenOver.add(delivery.id);
            return delivery;
          })
        : await outbox.claim(this.workerId, this.claimBatch, this.leaseMs, this.deps.shards);
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
      const outcome = await this.deliverOne(delivery);
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
      markBroken: (guildId, channel, reason) => this.markBroken(guildId, channel, reason),
    });
    summary.delivered += outcome.delivered;
    summary.failed += outcome.failed;
    if (!outcome.retryAt) return null;
    summary.retrying++;
    this.held.set(channelId, outcome.retryAt);
    return outcome.retryAt;
  }

  /** Gives claimed deliveries back unsent, due at `at` (null: now). */
  private async postpone(deliveries: readonly Delivery[], at: string | null): Promise<void> {
    for (const delivery of deliveries)
      await this.update({ ...delivery, nextAttemptAt: at ?? delivery.nextAttemptAt });
  }

  /** Records a claimed delivery's new state; a lost lease (another worker took it over) is logged. */
  private async update(delivery: Delivery): Promise<void> {
    if (!(await this.deps.stores.outbox.updateClaimed(delivery, this.workerId)))
      this.deps.log.warn({ delivery: delivery.id }, 'delivery lease lost; another worker has it');
  }

  private async deliverOne(
    delivery: Delivery,
  ): Promise<'delivered' | 'failed' | 'lost' | { retryAt: string }> {
    const { stores, publisher, log } = this.deps;
    const settings = await stores.guilds.get(delivery.guildId);
    const subscription = settings
      ? channelSubscription(settings, delivery.channelId, this.deps.now().toISOString())
      : null;
    const record = await stores.posts.get(delivery.postId);
    if (!subscription || subscription.health.status !== 'ok' || !record) {
      const why = !record
        ? 'post no longer stored'
        : !subscription
          ? 'channel unsubscribed'
          : 'subscription broken';
      await this.finish(delivery, 'failed', why);
      return 'failed';
    }
    try {
      const message = await renderForChannel(
        record,
        subscription,
        settings as GuildSettings,
        stores,
      );
      // Fell behind the lease (slow sends, 429 waits) and another worker took the row: not ours.
      if (
        stores.outbox.renewClaim &&
        !(await stores.outbox.renewClaim(delivery.id, this.workerId, this.leaseMs))
      ) {
        log.warn(
          { delivery: delivery.id },
          'delivery lease lost before sending; another worker has it',
        );
        return 'lost';
      }
      const found = await this.alreadySent(delivery, message);
      const { messageId } =
        found !== null
          ? { messageId: found }
          : await publisher.publish(delivery.channelId, message, nonceOf(delivery.id));
      await this.deps.onSent?.(delivery, messageId, subscription);
      await this.finish(delivery, 'delivered', null, messageId);
      return 'delivered';
    } catch (err) {
      const error =
        err instanceof PublishError ? err : new PublishError('transient', (err as Error).message);
      log.warn(
        {
          channelId: delivery.channelId,
          guildId: delivery.guildId,
          failure: error.failure,
          reason: error.message,
        },
        'alert delivery failed',
      );
      if (error.failure === 'paused') {
        // Nothing was sent (the bot holds its requests): wait as asked, without spending an attempt.
        const retryAt = this.retryAt(error.retryAfterSeconds ?? this.options.baseBackoffSeconds);
        await this.update({
          ...delivery,
          nextAttemptAt: retryAt,
          lastError: error.message,
          updatedAt: this.deps.now().toISOString(),
        });
        return { retryAt };
      }
      if (error.failure === 'forbidden' || error.failure === 'unknown-channel') {
        await this.markBroken(delivery.guildId, delivery.channelId, error.message);
        await this.finish(delivery, 'failed', error.message);
        return 'failed';
      }
      const attempts = delivery.attempts + 1;
      if (error.failure === 'invalid' || attempts >= this.options.maxAttempts) {
        await this.finish(delivery, 'failed', error.message, null, attempts);
        return 'failed';
      }
      // A 429's retry-after (growing per route, see the publisher) wins over our own backoff.
      const wait = Math.max(
        error.retryAfterSeconds ?? 0,
        backoffSeconds(attempts, {
          baseSeconds: this.options.baseBackoffSeconds,
          maxSeconds: this.options.maxBackoffSeconds,
        }),
      );
      const nextAttemptAt = this.retryAt(wait);
      await this.update({
        ...delivery,
        attempts,
        nextAttemptAt,
        lastError: error.message,
        updatedAt: this.deps.now().toISOString(),
      });
      return { retryAt: nextAttemptAt };
    }
  }

  /**
   * For a row taken over from a dead holder: its message id when the alert is in the channel
   * already (recorded, not resent). A failed look is logged and the alert sent (the nonce guards it).
   */
  private async alreadySent(delivery: Delivery, message: AlertMessage): Promise<string | null> {
    if (!this.takenOver.delete(delivery.id) || !this.deps.publisher.findSent) return null;
    try {
      const found = await this.deps.publisher.findSent(
        delivery.channelId,
        message,
        nonceOf(delivery.id),
      );
      if (found !== null)
        this.deps.log.info(
          { delivery: delivery.id, channelId: delivery.channelId },
          'taken-over alert was in the channel already; recorded, not resent',
        );
      return found;
    } catch (err) {
      this.deps.log.warn(
        { delivery: delivery.id, err },
        'could not look for a taken-over alert in its channel; sending it',
      );
      return null;
    }
  }

  private retryAt(seconds: number): string {
    return new Date(this.deps.now().getTime() + seconds * 1000).toISOString();
  }

  private async finish(
    delivery: Delivery,
    status: 'delivered' | 'failed',
    lastError: string | null,
    messageId: string | null = null,
    attempts = delivery.attempts + 1,
  ): Promise<void> {
    await this.update({
      ...delivery,
      status,
      attempts,
      lastError,
      messageId,
      nextAttemptAt: null,
      updatedAt: this.deps.now().toISOString(),
    });
  }

  private async markBroken(guildId: string, channelId: string, reason: string): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.stores.guilds.update(guildId, (settings) =>
      settings ? markChannelBroken(settings, channelId, reason, at) : null,
    );
  }

  /**
   * Wakes up for the earliest retry. A row that became due while the run went on is tried at once;
   * one that was due before and still not claimed is held by another worker's lease (or a killed
   * one's): look again after a quarter of a lease (at most 5 s).
   */
  private scheduleRetry(runStartedAt: number): void {
    if (this.stopped || this.timer) return;
    void this.deps.stores.outbox.pending().then(
      (pending) => {
        if (pending.length === 0 || this.stopped) return;
        const now = this.deps.now().getTime();
        // A row is due at its retry time or when its hold ends, whichever is later.
        const times = pending.map((d) =>
          Math.max(
            d.nextAttemptAt ? new Date(d.nextAttemptAt).getTime() : 0,
            d.holdUntil ? new Date(d.holdUntil).getTime() : 0,
          ),
        );
        const held = Math.min(this.leaseMs / 4, 5_000);
        const waits = times.map((t) => (t > now ? t - now : t >= runStartedAt ? 0 : held));
        this.retryIn(Math.min(MAX_WAKE_MS, ...waits));
      },
      (err: unknown) => {
        this.deps.log.error({ err }, 'reading pending deliveries failed; trying again shortly');
        this.retryIn(RUN_FAILURE_RETRY_MS);
      },
    );
  }

  private retryIn(ms: number): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, ms);
    this.timer.unref();
  }
}
