/**
 * The indexed columns behind incident linking: the normalised organisation a post is found by, and
 * the first report it continues (read from the `continues` reason the linker writes).
 */
import { organizationKey } from '../../text/organizationKey.js';
import type { StoredPost } from '../postStore.js';

/** The label of the reason that records which first report a post continues. */
export const CONTINUES_LABEL = 'continues';

/** The post id of the first report `record` continues, or null. */
export function continuesOf(record: StoredPost): string | null {
  return record.classification.reasons.find((r) => r.label === CONTINUES_LABEL)?.value ?? null;
}

/** The normalised organisation (legal forms dropped) a post is looked up by, or null. */
export function organizationKeyOf(record: StoredPost): string | null {
  return organizationKey(record.classification.organization);
}
