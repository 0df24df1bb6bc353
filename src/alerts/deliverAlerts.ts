/**
 * The delivery worker: fans new posts out into the outbox and posts what is
 * pending, channel by channel. Each (post, channel) is sent at most once: the
 * outbox keeps one delivery per pair, and the message nonce lets Discord drop
 * a resend after a crash between sending and recording. 403/404 mark the
 * subscription broken; transient failures back off; one bad channel never
 * holds up the others.
 */
import { createHash } from 'node:crypto';
import type { Limits } from '../config/limits.js';
import type { Logger } from '../log.js';
import { backoffSeconds } from '../backoff.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { markChannelBroken } from '../subscriptions/subscribe.js';
import { fanOut } from './fanOut.js';
import { PublishError, type Publisher } from './publisher.js';
import { renderAlert } from './renderAlert.js';

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
}

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

  constructor(private readonly deps: DeliveryDeps) {
    this.options = deps.options;
  }

  /** Queues alerts for new posts (idempotent) and starts delivering them. */
  async enqueue(records: readonly StoredPost[]): Promise<number> {
    const deliveries = fanOut(records, await this.deps.stores.guilds.list(), this.deps.now());
    const added = await this.deps.stores.outbox.enqueue(deliveries);
    if (added.length > 0) this.deps.log.info({ deliveries: added.length }, 'alerts queued');
    this.kick();
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
    this.running.catch((err: unknown) => this.deps.log.error({ err }, 'delivery run failed'));
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

  /** Delivers every due pending delivery once. */
  async runOnce(): Promise<RunSummary> {
    const now = this.deps.now();
    const byChannel = new Map<string, Delivery[]>();
    for (const d of await this.deps.stores.outbox.pending())
      byChannel.set(d.channelId, [...(byChannel.get(d.channelId) ?? []), d]);
    for (const [channelId, queue] of byChannel) {
      queue.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      // A channel whose oldest alert waits for a retry waits as a whole, so alerts stay in order.
      const head = queue[0];
      if (head?.nextAttemptAt && new Date(head.nextAttemptAt) > now) byChannel.delete(channelId);
    }
    const summary: RunSummary = { delivered: 0, failed: 0, retrying: 0 };
    const queues = [...byChannel.values()];
    const workers = Array.from(
      { length: Math.min(this.options.concurrency, queues.length) },
      async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift())
          await this.deliverChannel(queue, summary);
      },
    );
    await Promise.all(workers);
    this.scheduleRetry();
    return summary;
  }

  private async deliverChannel(queue: Delivery[], summary: RunSummary): Promise<void> {
    for (const delivery of queue) {
      if (this.stopped) return;
      const outcome = await this.deliverOne(delivery);
      summary[outcome]++;
      // Keep the channel's order: after a failure the rest of its queue waits for the next run.
      if (outcome !== 'delivered') return;
    }
  }

  private async deliverOne(delivery: Delivery): Promise<keyof RunSummary> {
    const { stores, publisher, log } = this.deps;
    const settings = await stores.guilds.get(delivery.guildId);
    const subscription = settings?.subscriptions.find((s) => s.channelId === delivery.channelId);
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
      const { messageId } = await publisher.publish(
        delivery.channelId,
        renderAlert(record, subscription),
        nonceOf(delivery.id),
      );
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
        await stores.outbox.update({
          ...delivery,
          nextAttemptAt: this.retryAt(error.retryAfterSeconds ?? this.options.baseBackoffSeconds),
          lastError: error.message,
          updatedAt: this.deps.now().toISOString(),
        });
        return 'retrying';
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
      await stores.outbox.update({
        ...delivery,
        attempts,
        nextAttemptAt,
        lastError: error.message,
        updatedAt: this.deps.now().toISOString(),
      });
      return 'retrying';
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
    await this.deps.stores.outbox.update({
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

  private scheduleRetry(): void {
    if (this.stopped || this.timer) return;
    void this.deps.stores.outbox.pending().then((pending) => {
      const next = pending
        .map((d) => (d.nextAttemptAt ? new Date(d.nextAttemptAt).getTime() : 0))
        .filter((t) => t > 0);
      if (next.length === 0 || this.stopped) return;
      const wait = Math.max(0, Math.min(...next) - this.deps.now().getTime());
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
      this.timer.unref();
    });
  }
}
