/** Per-feed polling state: HTTP validators, the last result, failures and backoff. */
import { z } from 'zod';
import type { SchemaKeyv } from './schemaKeyv.js';

export const feedStateSchema = z.object({
  url: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** The first poll stores entries without alerting; true once it has happened. */
  initialized: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastResult: z.enum(['never', 'new-posts', 'no-new-posts', 'not-modified', 'error']),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** While backing off, the feed is skipped until this time (ISO). */
  nextAttemptAt: z.string().nullable(),
});
export type FeedState = z.infer<typeof feedStateSchema>;

/** The state of a feed that has never been polled. */
export function freshFeedState(url: string): FeedState {
  return {
    url,
    etag: null,
    lastModified: null,
    initialized: false,
    lastPolledAt: null,
    lastSuccessAt: null,
    lastResult: 'never',
    lastError: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
  };
}

export interface FeedStateStore {
  get(url: string): Promise<FeedState | null>;
  set(state: FeedState): Promise<void>;
}

export class KeyvFeedStateStore implements FeedStateStore {
  constructor(private readonly db: SchemaKeyv) {}

  get(url: string): Promise<FeedState | null> {
    return this.db.get(`feed:${url}`, feedStateSchema);
  }

  async set(state: FeedState): Promise<void> {
    await this.db.set(`feed:${state.url}`, feedStateSchema.parse(state));
  }
}

export class MemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();

  async get(url: string): Promise<FeedState | null> {
    const state = this.states.get(url);
    return state ? structuredClone(state) : null;
  }

  async set(state: FeedState): Promise<void> {
    this.states.set(state.url, structuredClone(feedStateSchema.parse(state)));
  }
}
