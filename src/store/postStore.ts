/** Classified posts: what lookups, previews and stats read. */
import { z } from 'zod';
import { classificationSchema } from '../classify/classification.js';
import { postSchema } from '../feed/post.js';

export const storedPostSchema = z.object({
  post: postSchema,
  classification: classificationSchema,
  storedAt: z.string(),
});
export type StoredPost = z.infer<typeof storedPostSchema>;

export interface PostStore {
  /** Inserts or replaces records by post id. */
  put(records: readonly StoredPost[]): Promise<void>;
  get(id: string): Promise<StoredPost | null>;
  /** Every stored post, newest first (by published time, then storage time). */
  all(): Promise<StoredPost[]>;
  count(): Promise<number>;
}

function timeOf(record: StoredPost): string {
  return record.post.publishedAt ?? record.storedAt;
}

/** Sort order for lists of posts: newest first, ties broken by id for stable output. */
export function newestFirst(a: StoredPost, b: StoredPost): number {
  const byTime = timeOf(b).localeCompare(timeOf(a));
  return byTime !== 0 ? byTime : a.post.id.localeCompare(b.post.id);
}

/** Freezes a record deeply, so that sharing it between callers is safe. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class MemoryPostStore implements PostStore {
  private readonly records = new Map<string, StoredPost>();
  private sorted: StoredPost[] | null = null;

  async put(records: readonly StoredPost[]): Promise<void> {
    for (const record of records) {
      // zod's parse copies the objects; strings are immutable and shared, which keeps 10,000 posts small.
      this.records.set(record.post.id, deepFreeze(storedPostSchema.parse(record)));
    }
    this.sorted = null;
  }

  async get(id: string): Promise<StoredPost | null> {
    return this.records.get(id) ?? null;
  }

  /** Records are frozen: callers share them without copying (lookups read 10,000 of them). */
  async all(): Promise<StoredPost[]> {
    this.sorted ??= [...this.records.values()].sort(newestFirst);
    return [...this.sorted];
  }

  async count(): Promise<number> {
    return this.records.size;
  }
}
