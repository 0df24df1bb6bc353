/**
 * Checking that an HTTP interaction really comes from Discord: an Ed25519 signature, by the
 * application's public key, over the timestamp header followed by the raw body. Checked before the
 * body is parsed; a stale timestamp is refused too, so a captured request cannot be replayed later.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far the timestamp may be from our clock, either way (Discord's own libraries allow 5 min). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The key object for the 32-byte public key Discord shows as 64 hex digits (DISCORD_PUBLIC_KEY). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('expected 64 hex digits (32 bytes)');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export interface SignedRequest {
  /** The X-Signature-Ed25519 header: 128 hex digits. */
  signature: string | undefined;
  /** The X-Signature-Timestamp header: Unix seconds. */
  timestamp: string | undefined;
  /** The body exactly as received. */
  body: Buffer;
}

export type SignatureVerdict = 'valid' | 'missing' | 'malformed' | 'stale' | 'forged';

/** Whether `request` is signed by `key` and fresh at `nowMs`; never throws. */
export function checkSignature(
  key: KeyObject,
  request: SignedRequest,
  nowMs: number,
  maxSkewSeconds = MAX_CLOCK_SKEW_SECONDS,
): SignatureVerdict {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return 'stale';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? 'valid' : 'forged';
}
