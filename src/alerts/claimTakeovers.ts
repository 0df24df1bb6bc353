/**
 * Claiming due deliveries, and the rows among them taken over from a holder whose lease ran out:
 * that holder may have sent the alert before dying, so such a row is looked for in its channel
 * before it is sent (found: recorded, not resent).
 */
import type { Logger } from '../log.js';
import type { Stores } from '../store/openStores.js';
import type { Delivery } from '../store/outboxStore.js';
import type { ShardSet } from '../store/sql/shards.js';
import { nonceOf } from './deliveryNonce.js';
import type { Publisher } from './publisher.js';
import type { AlertMessage } from './renderAlert.js';

/** One claim's request: who claims, how many rows, for how long, of which shards. */
export interface ClaimRequest {
  workerId: string;
  batch: number;
  leaseMs: number;
  shards: ShardSet | undefined;
}

/**
 * Claims due deliveries, oldest first; adds to `takenOver` the ids of rows whose last holder died
 * holding them (when the outbox can tell).
 */
export async function claimDue(
  outbox: Stores['outbox'],
  request: ClaimRequest,
  takenOver: Set<string>,
): Promise<Delivery[]> {
  const { workerId, batch, leaseMs, shards } = request;
  if (!outbox.claimNotingTakeovers) return outbox.claim(workerId, batch, leaseMs, shards);
  const claimed = await outbox.claimNotingTakeovers(workerId, batch, leaseMs, shards);
  return claimed.map(({ delivery, takenOverFrom }) => {
    if (takenOverFrom) takenOver.add(delivery.id);
    return delivery;
  });
}

/**
 * For a row taken over from a dead holder: its message id when the alert is in one of
 * `channelIds` already (its channel, or the thread it went into; recorded, not resent). A failed
 * look is logged and the alert sent (the nonce guards it).
 */
export async function findTakenOverAlert(
  deps: { publisher: Publisher; log: Logger },
  channelIds: readonly string[],
  delivery: Delivery,
  message: AlertMessage,
): Promise<string | null> {
  const { findSent } = deps.publisher;
  if (!findSent) return null;
  try {
    let found: string | null = null;
    for (const channelId of channelIds)
      found ??= await findSent.call(deps.publisher, channelId, message, nonceOf(delivery.id));
    if (found !== null)
      deps.log.info(
        { delivery: delivery.id, channelId: delivery.channelId },
        'taken-over alert was in the channel already; recorded, not resent',
      );
    return found;
  } catch (err) {
    deps.log.warn(
      { delivery: delivery.id, err },
      'could not look for a taken-over alert in its channel; sending it',
    );
    return null;
  }
}
