/**
 * Writing a claimed delivery's state back to the outbox: only while this worker still holds the
 * row's lease (a lost lease is logged, not overwritten), and marking a channel broken on 403/404.
 */
import type { Logger } from '../log.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import { markChannelBroken } from '../subscriptions/subscribe.js';

/** What recording a delivery's state needs. */
export interface RecordDeps {
  stores: Pick<Stores, 'outbox' | 'guilds'>;
  now: () => Date;
  log: Logger;
  workerId: string;
}

/** Records a claimed delivery's new state; a lost lease (another worker took it over) is logged. */
export async function recordClaimed(deps: RecordDeps, delivery: Delivery): Promise<void> {
  if (!(await deps.stores.outbox.updateClaimed(delivery, deps.workerId)))
    deps.log.warn({ delivery: delivery.id }, 'delivery lease lost; another worker has it');
}

/** Gives claimed deliveries back unsent, due at `at` (null: when they were due). */
export async function postponeClaimed(
  deps: RecordDeps,
  deliveries: readonly Delivery[],
  at: string | null,
): Promise<void> {
  for (const delivery of deliveries)
    await recordClaimed(deps, { ...delivery, nextAttemptAt: at ?? delivery.nextAttemptAt });
}

/** Records a delivery as done: delivered (with its message id) or failed for good. */
export async function finishDelivery(
  deps: RecordDeps,
  delivery: Delivery,
  status: 'delivered' | 'failed',
  lastError: string | null,
  messageId: string | null = null,
  attempts = delivery.attempts + 1,
): Promise<void> {
  await recordClaimed(deps, {
    ...delivery,
    status,
    attempts,
    lastError,
    messageId,
    nextAttemptAt: null,
    updatedAt: deps.now().toISOString(),
  });
}

/** The ISO time `seconds` from now. */
export function retryAtAfter(now: () => Date, seconds: number): string {
  return new Date(now().getTime() + seconds * 1000).toISOString();
}

/** Marks the channel's subscription broken (no access, or the channel is gone). */
export async function markBroken(
  deps: RecordDeps,
  guildId: string,
  channelId: string,
  reason: string,
): Promise<void> {
  const at = deps.now().toISOString();
  await deps.stores.guilds.update(guildId, (settings) =>
    settings ? markChannelBroken(settings, channelId, reason, at) : null,
  );
}

/**
 * Records on an earlier alert's delivery the thread started on it, so later updates reuse it. The
 * row is delivered (no longer claimed, and otherwise never changed again): a plain update is safe.
 */
export async function recordThread(
  deps: RecordDeps,
  { deliveryId, threadId }: { deliveryId: string; threadId: string },
): Promise<void> {
  const earlier = await deps.stores.outbox.get(deliveryId);
  if (earlier && earlier.threadId !== threadId)
    await deps.stores.outbox.update({ ...earlier, threadId });
}
