/**
 * Where a delivery goes, decided from its subscription and update context alone (pure):
 * - a forum: a first report (or an update whose original is not there) becomes a new post; an
 *   update goes into its original's post;
 * - a text channel with `threads: on`: an update goes into a thread started on its original alert
 *   (the thread recorded on that alert's delivery, else found or started);
 * - otherwise the channel itself (an update replies to its original, see renderUpdate.ts).
 */
import type { Subscription } from '../store/guildSettings.js';
import type { StoredPost } from '../store/postStore.js';
import { cut } from './renderAlert.js';
import type { UpdateContext } from './renderUpdate.js';

/** Discord's longest thread or forum post name. */
export const THREAD_NAME_MAX = 100;

export type DeliveryRoute =
  | { kind: 'channel' }
  | {
      kind: 'thread';
      /** The original alert the thread starts on (and the id the thread gets). */
      starterId: string;
      /** The thread recorded on the original's delivery; null: not known yet. */
      threadId: string | null;
      /** The delivery the thread is recorded on. */
      earlierDeliveryId: string;
      name: string;
    }
  | { kind: 'forum-post'; name: string }
  | { kind: 'forum-update'; threadId: string; name: string };

/** The incident's name for a thread or post: the first report's title, without its 【…】 prefix. */
export function incidentThreadName(post: StoredPost): string {
  const title = post.post.title.replace(/^【[^】]*】\s*/u, '').trim() || post.post.title;
  return cut(title.replace(/\s+/g, ' '), THREAD_NAME_MAX);
}

/** Where `record`'s alert goes in the subscription's channel. */
export function routeOf(
  record: StoredPost,
  subscription: Pick<Subscription, 'threads' | 'forum'>,
  context: UpdateContext | null,
): DeliveryRoute {
  const earlier = context?.replyTo && context.earlier ? context.earlier : null;
  const name = incidentThreadName(context?.original ?? record);
  if (subscription.forum) {
    // A forum post's id is its starter message's: the earlier alert's message id names the post.
    const threadId = earlier ? (earlier.threadId ?? earlier.messageId) : null;
    return threadId ? { kind: 'forum-update', threadId, name } : { kind: 'forum-post', name };
  }
  if (subscription.threads && earlier?.messageId)
    return {
      kind: 'thread',
      starterId: earlier.messageId,
      threadId: earlier.threadId ?? null,
      earlierDeliveryId: earlier.id,
      name,
    };
  return { kind: 'channel' };
}
