/** Deterministic STIX identifiers: the same organisation or post gets the same id in every export. */
import { createHash } from 'node:crypto';

/**
 * jikenbo's UUIDv5 namespace for STIX ids (itself UUIDv5 of the URL namespace and
 * "https://jikenbo.invalid/stix"). Fixed forever: changing it would change every exported id.
 */
export const JIKENBO_STIX_NAMESPACE = '47b053b6-3c10-5fc9-a734-c98a6dbe9b18';

/** RFC 9562 UUID version 5 (SHA-1 of namespace + name). */
export function uuidV5(name: string, namespace: string = JIKENBO_STIX_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The form of an organisation's name that decides its identity: width-folded (NFKC),
 * lower-case, without spaces, so `ＡＢＣ 株式会社` and `abc株式会社` are one victim.
 */
export function normaliseOrganisation(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export const identityId = (organisation: string) =>
  `identity--${uuidV5(`organization:${normaliseOrganisation(organisation)}`)}`;
export const reportId = (postId: string) => `report--${uuidV5(`post:${postId}`)}`;
/** The producer: jikenbo itself, the `created_by_ref` of every object it writes. */
export const PRODUCER_IDENTITY_ID = `identity--${uuidV5('producer:jikenbo')}`;
