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
  /**
   * Where the encryption is stated: per line (an index of `post.lines`), the spans of its
   * sentences that state it, [from, to) in code units. Counts inside them are exempt.
   */
  spans: ReadonlyMap<number, readonly (readonly [number, number])[]>;
  /** The words that say another part was not protected. */
  unprotected: string;
}

/** Whether the count at `at` on line `line` sits in a sentence that states the encryption. */
export function isProtected(part: ProtectedPart, line: number, at: number): boolean {
  return (part.spans.get(line) ?? []).some(([from, to]) => at >= from && at < to);
}

/**
 * The encrypted part of a post that also states an unprotected part, or null. Read sentence by
 * sentence: one paragraph may hold both (…高度な暗号化によって保護されており…。一方、USBメモリ
 * には…1,120名…暗号化はしておりませんでした。).
 */
export function protectedPartOf(
  post: PreparedPost,
  cause: Cause,
  rules: ClassifierRules,
): ProtectedPart | null {
  const s = rules.severity;
  if (!s.encryptionAppliesTo.includes(cause)) return null;
  if (!mayMatch(post, s.encryptedData, rules) || !mayMatch(post, s.unprotectedPart, rules))
    return null;
  const spans = new Map<number, [number, number][]>();
  let unprotected: string | null = null;
  post.lines.forEach((line, i) => {
    let from = 0;
    while (from < line.length) {
      const stop = line.indexOf('。', from);
      const to = stop === -1 ? line.length : stop + 1;
      const sentence = line.slice(from, to);
      const other = s.unprotectedPart.exec(sentence)?.[0];
      if (other) unprotected ??= other;
      else if (s.encryptedData.test(sentence)) spans.set(i, [...(spans.get(i) ?? []), [from, to]]);
      from = to;
    }
  });
  return unprotected !== null && spans.size > 0 ? { spans, unprotected } : null;
}
