/** The Ed25519 check of HTTP interactions: only Discord's key, over timestamp + exact body, fresh. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, publicKeyFromHex } from '../../../src/discord/httpSignature.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString(
  'hex',
);
const key = publicKeyFromHex(hex);
const NOW_MS = 1_796_000_000_000;
const timestamp = String(NOW_MS / 1000);
const body = Buffer.from('{"type":1}');
const signed = (ts: string, bytes: Buffer, by = privateKey) =>
  sign(null, Buffer.concat([Buffer.from(ts), bytes]), by).toString('hex');

describe('checkSignature', () => {
  it('accepts a request signed by the application key over timestamp and body', () => {
    expect(
      checkSignature(key, { signature: signed(timestamp, body), timestamp, body }, NOW_MS),
    ).toBe('valid');
  });

  it('refuses a signature by another key, or over another body or timestamp', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const by = (signature: string, ts = timestamp, bytes = body) =>
      checkSignature(key, { signature, timestamp: ts, body: bytes }, NOW_MS);
    expect(by(signed(timestamp, body, other))).toBe('forged');
    expect(by(signed(timestamp, body), timestamp, Buffer.from('{"type":2}'))).toBe('forged');
    expect(by(signed(timestamp, body), String(NOW_MS / 1000 + 1))).toBe('forged');
  });

  it('refuses a missing or malformed header without verifying', () => {
    expect(checkSignature(key, { signature: undefined, timestamp, body }, NOW_MS)).toBe('missing');
    expect(checkSignature(key, { signature: 'abc', timestamp: undefined, body }, NOW_MS)).toBe(
      'missing',
    );
    expect(checkSignature(key, { signature: 'zz'.repeat(64), timestamp, body }, NOW_MS)).toBe(
      'malformed',
    );
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes away', () => {
    const old = String(NOW_MS / 1000 - 301);
    expect(
      checkSignature(key, { signature: signed(old, body), timestamp: old, body }, NOW_MS),
    ).toBe('stale');
    const recent = String(NOW_MS / 1000 - 299);
    expect(
      checkSignature(key, { signature: signed(recent, body), timestamp: recent, body }, NOW_MS),
    ).toBe('valid');
  });

  it('takes the public key as the 64 hex digits of the developer portal, nothing else', () => {
    expect(() => publicKeyFromHex(hex.slice(2))).toThrow(/64 hex digits/);
    expect(() => publicKeyFromHex('g'.repeat(64))).toThrow(/64 hex digits/);
  });
});
