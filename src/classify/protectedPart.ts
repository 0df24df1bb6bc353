/**
 * Encryption that covers only part of what was lost (spec 3, the encryption exemption): a post
 * that says one device was strongly encrypted and another part was not (紙の書類, 暗号化されて
 * いないUSBメモリ) exempts only the encrypted part. Its counts do not make the people affected
 * and its encryption does not clear the rest.
 */
import { mayMatch } from './prefilter.js';
import type { PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import type { Cause } from './vocabulary.js';

export interface ProtectedPart {
  /** Lines (indexes of `post.lines`) that state the encryption: their counts are exempt. */
  lines: ReadonlySet<number>;
  /** The words that say another part was not protected. */
  unprotected: string;
}

/** The encrypted part of a post that also states an unprotected part, or null. */
export function protectedPartOf(
  post: PreparedPost,
  cause: Cause,
  rules: ClassifierRules,
): ProtectedPart | null {
  const s = rules.severity;
  if (!s.encryptionAppliesTo.includes(cause)) return null;
  if (!mayMatch(post, s.encryptedData, rules) || !mayMatch(post, s.unprotectedPart, rules))
    return null;
  const lines = new Set<number>();
  let unprotected: string | null = null;
  post.lines.forEach((line, i) => {
    const other = s.unprotectedPart.exec(line)?.[0];
    if (other) unprotected ??= other;
    else if (s.encryptedData.test(line)) lines.add(i);
  });
  return unprotected !== null && lines.size > 0 ? { lines, unprotected } : null;
}
