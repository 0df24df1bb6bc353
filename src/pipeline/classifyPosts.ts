/** Turns fetched posts into stored records with their classification. */
import type { Classification } from '../classify/classification.js';
import type { Post } from '../feed/post.js';
import type { Logger } from '../log.js';
import type { StoredPost } from '../store/postStore.js';

/** The classifier as the core sees it: a pure function from a post to its labels. */
export type ClassifyPost = (post: Post) => Classification;

/**
 * Classifies each post; a post the classifier throws on is logged and left out
 * (it is retried next poll). The stored record keeps the plain text but not the
 * HTML: lookups and filters read text, and HTML would double what 10,000
 * stored posts cost in memory.
 */
export function classifyPosts(
  posts: readonly Post[],
  classify: ClassifyPost,
  now: Date,
  log: Logger,
): StoredPost[] {
  const records: StoredPost[] = [];
  for (const post of posts) {
    try {
      records.push({
        post: { ...post, html: '' },
        classification: classify(post),
        storedAt: now.toISOString(),
      });
    } catch (err) {
      log.error(
        { err, postId: post.id, feedUrl: post.feedUrl },
        'classifier failed on a post; it will be retried',
      );
    }
  }
  return records;
}
