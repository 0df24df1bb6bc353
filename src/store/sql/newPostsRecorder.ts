/**
 * The unit of work of a poll: a tick's new posts are stored, marked seen and their deliveries queued
 * together, or not at all (issue 9: a crash between these steps lost alerts for good).
 */
import type { Kysely } from 'kysely';
import type { Delivery, OutboxStore } from '../outboxStore.js';
import type { PostStore, StoredPost } from '../postStore.js';
import type { SeenStore } from '../seenStore.js';
import type { SqlSchema } from './schema.js';
import { guarded } from './storeError.js';
import { writeNewDeliveries, writePosts, writeSeen } from './sqlWrites.js';

export interface NewPosts {
  posts: readonly StoredPost[];
  /** Entry ids to mark seen: usually the posts' ids (also ids the classifier skipped, if wanted). */
  seenIds: readonly string[];
  seenAt: Date;
  /** Deliveries of these posts; an id already queued is kept as it is. */
  deliveries: readonly Delivery[];
}

export interface NewPostsRecorder {
  /** Writes everything in `batch` atomically; returns the deliveries that were new. */
  recordNewPosts(batch: NewPosts): Promise<{ enqueued: Delivery[] }>;
}

export class SqlNewPostsRecorder implements NewPostsRecorder {
  constructor(private readonly db: Kysely<SqlSchema>) {}

  recordNewPosts(batch: NewPosts): Promise<{ enqueued: Delivery[] }> {
    return guarded('recording new posts', () =>
      this.db.transaction().execute(async (tx) => {
        await writePosts(tx, batch.posts);
        const enqueued = await writeNewDeliveries(tx, batch.deliveries);
        await writeSeen(tx, batch.seenIds, batch.seenAt);
        return { enqueued };
      }),
    );
  }
}

/**
 * The same port over separate stores (memory, keyv): not atomic, so it writes in the order that
 * is safe to repeat: posts, then deliveries, then seen marks last (a crash re-runs the whole batch).
 */
export class SequentialNewPostsRecorder implements NewPostsRecorder {
  constructor(
    private readonly stores: { posts: PostStore; outbox: OutboxStore; seen: SeenStore },
  ) {}

  async recordNewPosts(batch: NewPosts): Promise<{ enqueued: Delivery[] }> {
    await this.stores.posts.put(batch.posts);
    const enqueued = await this.stores.outbox.enqueue(batch.deliveries);
    await this.stores.seen.markSeen(batch.seenIds, batch.seenAt);
    return { enqueued };
  }
}
