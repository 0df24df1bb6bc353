/** The nonce of a delivery's message: Discord drops a resend of the same delivery after a crash. */
import { createHash } from 'node:crypto';

/** A stable nonce (≤ 25 characters) for a delivery. */
export function nonceOf(deliveryId: string): string {
  return createHash('sha256').update(deliveryId).digest('base64url').slice(0, 25);
}
