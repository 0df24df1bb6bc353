/** One error type for every failed store call, so commands can say "not saved" and the poller can stop. */

export type StoreErrorReason = 'read-only' | 'unreachable' | 'timeout' | 'crashed' | 'failed';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    message: string,
    readonly reason: StoreErrorReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Sorts a driver error into a reason a person can act on. */
function reasonOf(err: unknown): StoreErrorReason {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS') return 'read-only';
  if (code === '25006') return 'read-only';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
    return 'unreachable';
  if (code === '57014' || /timeout|timed out/i.test(message)) return 'timeout';
  if (code === 'SQLITE_BUSY') return 'timeout';
  return 'failed';
}

const HINTS: Record<StoreErrorReason, string> = {
  'read-only': 'the database file or its folder is not writable',
  unreachable: 'the database server does not answer',
  timeout: 'the database did not answer in time',
  crashed: 'the store was stopped',
  failed: 'the database reported an error',
};

/** Wraps `err` as a StoreError saying what was being done; a StoreError passes through unchanged. */
export function toStoreError(operation: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const reason = reasonOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(`store: ${operation} failed: ${HINTS[reason]} (${detail})`, reason, {
    cause: err,
  });
}

/** Runs a store call and turns any failure into a StoreError. */
export async function guarded<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStoreError(operation, err);
  }
}
