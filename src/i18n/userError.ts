/** The error type for problems with what a user typed: a message key, shown in their language. */
import type { TextKey } from './i18n.js';

/** A problem with the user's input, shown to them in their language (never logged as a fault). */
export class InputError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'InputError';
  }
}
