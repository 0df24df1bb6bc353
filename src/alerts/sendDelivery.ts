/**
 * Sends one claimed delivery: resolves its target, renders it for the channel, renews the lease
 * (a worker that fell behind gives the row up), sends it unless a taken-over row is in the
 * channel already, and records the outcome. 403/404 mark the subscription broken; a pause waits
 * without spending an attempt; other failures back off until the attempts run out.
 */
import { backoffSeconds } from '../backoff.js';
import type { Logger } from '../log.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { DeliveryOptions } from './deliverAlerts.js';
import {
  finishDelivery,
  markBroken,
  recordClaimed,
  recordThread,
  retryAtAfter,
  type RecordDeps,
} from './deliveryRecords.js';
import { resolveTarget } from './deliveryTarget.js';
import { PublishError, type Publisher } from './publisher.js';
import { sendRouted } from './sendRouted.js';
import { routeOf } from './threadRoute.js';
import { renderForChannel } from './updateContext.js';
import { langOf } from '../i18n/i18n.js';

/** What sending one delivery needs. */
export interface SendDeps extends RecordDeps {
  stores: Pick<Stores, 'outbox' | 'posts' | 'guilds'>;
  publisher: Publisher;
  log: Logger;
  options: DeliveryOptions;
  leaseMs: number;
  /** Ids of claimed rows taken over from a dead holder (see claimTakeovers). */
  takenOver: Set<string>;
}

/** How a send ended: done either way, given up to another worker, or to be retried at a time. */
export type SendOutcome = 'delivered' | 'failed' | 'lost' | { retryAt: string };

/** Sends `delivery` (claimed by `deps.workerId`) and records what happened. */
export async function sendDelivery(deps: SendDeps, delivery: Delivery): Promise<SendOutcome> {
  const { stores, log } = deps;
  const target = await resolveTarget(delivery, stores, deps.now().toISOString());
  if (!target.ok) {
    await finishDelivery(deps, delivery, 'failed', target.why);
    return 'failed';
  }
  try {
    const { record, subscription, settings } = target;
    const { message, context } = await renderForChannel(record, subscription, settings, stores);
    // Fell behind the lease (slow sends, 429 waits) and another worker took the row: not ours.
    if (
      stores.outbox.renewClaim &&
      !(await stores.outbox.renewClaim(delivery.id, deps.workerId, deps.leaseMs))
    ) {
      log.warn(
        { delivery: delivery.id },
        'delivery lease lost before sending; another worker has it',
      );
      return 'lost';
    }
    const sent = await sendRouted(deps, {
      delivery,
      record,
      lang: langOf(subscription.locale),
      message,
      route: routeOf(record, subscription, context),
      takenOver: deps.takenOver.delete(delivery.id),
    });
    const done = sent.ownThreadId ? { ...delivery, threadId: sent.ownThreadId } : delivery;
    await finishDelivery(deps, done, 'delivered', null, sent.messageId);
    if (sent.earlierThread) await recordThread(deps, sent.earlierThread);
    return 'delivered';
  } catch (err) {
    return recordFailure(deps, delivery, err);
  }
}

/** Records a failed send: broken channel, refused message, pause, or a backed-off retry. */
async function recordFailure(
  deps: SendDeps,
  delivery: Delivery,
  err: unknown,
): Promise<SendOutcome> {
  const { options } = deps;
  const error =
    err instanceof PublishError ? err : new PublishError('transient', (err as Error).message);
  deps.log.warn(
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
    const retryAt = retryAtAfter(deps.now, error.retryAfterSeconds ?? options.baseBackoffSeconds);
    await recordClaimed(deps, {
      ...delivery,
      nextAttemptAt: retryAt,
      lastError: error.message,
      updatedAt: deps.now().toISOString(),
    });
    return { retryAt };
  }
  if (error.failure === 'forbidden' || error.failure === 'unknown-channel') {
    await markBroken(deps, delivery.guildId, delivery.channelId, error.message);
    await finishDelivery(deps, delivery, 'failed', error.message);
    return 'failed';
  }
  const attempts = delivery.attempts + 1;
  if (error.failure === 'invalid' || attempts >= options.maxAttempts) {
    await finishDelivery(deps, delivery, 'failed', error.message, null, attempts);
    return 'failed';
  }
  // A 429's retry-after (growing per route, see the publisher) wins over our own backoff.
  const wait = Math.max(
    error.retryAfterSeconds ?? 0,
    backoffSeconds(attempts, {
      baseSeconds: options.baseBackoffSeconds,
      maxSeconds: options.maxBackoffSeconds,
    }),
  );
  const nextAttemptAt = retryAtAfter(deps.now, wait);
  await recordClaimed(deps, {
    ...delivery,
    attempts,
    nextAttemptAt,
    lastError: error.message,
    updatedAt: deps.now().toISOString(),
  });
  return { retryAt: nextAttemptAt };
}
