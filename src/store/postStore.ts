/** Classified posts: what lookups, previews and stats read. */
import { z } from 'zod';
import { classificationSchema } from '../classify/classification.js';
import { postSchema } from '../feed/post.js';
import { withIds, type SchemaKeyv } from './schemaKeyv.js';

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

const INDEX_KEY = 'posts:index';

/**
 * Keeps each post under `post:<id>` and an append-only list of ids. Reads are
 * served from an in-process cache that is refreshed when the index grows,
 * so a lookup costs one index read rather than one read per post.
 */
export class KeyvPostStore implements PostStore {
  private readonly cache = new Map<string, StoredPost>();
  private sorted: StoredPost[] | null = null;
  /** Ids whose stored value failed its schema: reported once, not re-read on every lookup. */
  private readonly unreadable = new Set<string>();

  constructor(private readonly db: SchemaKeyv) {}

  async put(records: readonly StoredPost[]): Promise<void> {
    const valid = records.map((record) => storedPostSchema.parse(record));
    await this.db.setMany(
      valid.map((record) => ({ key: `post:${record.post.id}`, value: record })),
    );
    await this.db.updateIndex(INDEX_KEY, (ids) =>
      withIds(
        ids,
        valid.map((r) => r.post.id),
      ),
    );
    for (const record of valid) {
      this.cache.set(record.post.id, deepFreeze(record));
      this.unreadable.delete(record.post.id);
    }
    this.sorted = null;
  }

  async get(id: string): Promise<StoredPost | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const record = await this.db.get(`post:${id}`, storedPostSchema);
    return record && deepFreeze(record);
  }

  async all(): Promise<StoredPost[]> {
    const ids = await this.db.readIndex(INDEX_KEY);
    const missing = ids.filter((id) => !this.cache.has(id) && !this.unreadable.has(id));
    if (missing.length > 0) {
      const loaded = await this.db.getMany(
        missing.map((id) => `post:${id}`),
        storedPostSchema,
      );
      loaded.forEach((record, i) =>
        record
          ? this.cache.set(record.post.id, deepFreeze(record))
          : this.unreadable.add(missing[i] as string),
      );
      this.sorted = null;
    }
    if (!this.sorted) this.sorted = [...this.cache.values()].sort(newestFirst);
    return [...this.sorted];
  }

  async count(): Promise<number> {
    return (await this.db.readIndex(INDEX_KEY)).length;
  }
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
