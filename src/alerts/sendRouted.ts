/**
 * Sends a rendered alert where its route says (threadRoute.ts), falling back so nothing is lost:
 * an update whose thread cannot be started, or is gone, archived and locked, or closed to the bot,
 * is posted as a reply in the channel instead; a forum update whose post is gone becomes a new
 * post. Idempotent across takeovers: a thread is looked up (by its starter message's id) before
 * one is started, and a taken-over row is first looked for where it would have gone.
 */
import type { Logger } from '../log.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import type { Lang } from '../i18n/i18n.js';
import { findTakenOverAlert } from './claimTakeovers.js';
import { nonceOf } from './deliveryNonce.js';
import { idsOfTags, planForumTags } from './forumTags.js';
import { PublishError, type Publisher, type ThreadPublisher } from './publisher.js';
import type { ReplyMessage } from './renderUpdate.js';
import type { DeliveryRoute } from './threadRoute.js';

export interface RoutedDeps {
  publisher: Publisher;
  log: Logger;
}

/** One routed send: the delivery, its message and route, and whether a dead holder had it. */
export interface RoutedSend {
  delivery: Delivery;
  record: StoredPost;
  lang: Lang;
  message: ReplyMessage;
  route: DeliveryRoute;
  takenOver: boolean;
}

/** What was sent: the message id, and a thread to record (on this delivery or on the earlier one). */
export interface RoutedResult {
  messageId: string;
  /** This delivery is a forum post: its thread. */
  ownThreadId?: string;
  /** A thread started (or found) on the earlier alert, to record on its delivery. */
  earlierThread?: { deliveryId: string; threadId: string };
}

/** Failures a thread falls back from: no permission, gone, or refused (archived and locked). */
const THREAD_FALLBACKS = new Set(['forbidden', 'unknown-channel', 'invalid']);

function fallsBack(err: unknown): err is PublishError {
  return err instanceof PublishError && THREAD_FALLBACKS.has(err.failure);
}

/** The message without its reply reference (a thread post; a forum post's first message). */
function withoutReference(message: ReplyMessage): ReplyMessage {
  const { message_reference: _dropped, ...rest } = message;
  return rest;
}

/** Sends `send.message` along its route; throws PublishError as publish does. */
export async function sendRouted(deps: RoutedDeps, send: RoutedSend): Promise<RoutedResult> {
  const { route } = send;
  const threads = deps.publisher.threads;
  if (route.kind === 'forum-post' || route.kind === 'forum-update') {
    if (!threads) throw new PublishError('invalid', 'this publisher cannot post in forums');
    return sendToForum(deps, threads, send, route);
  }
  if (route.kind === 'thread' && threads) return sendToThread(deps, threads, send, route);
  return sendToChannel(deps, send, [send.delivery.channelId]);
}

async function sendToChannel(
  deps: RoutedDeps,
  send: RoutedSend,
  channelIds: readonly string[],
  message: ReplyMessage = send.message,
): Promise<RoutedResult> {
  const { delivery } = send;
  const found = send.takenOver
    ? await findTakenOverAlert(deps, channelIds, delivery, message)
    : null;
  if (found !== null) return { messageId: found };
  const target = channelIds[0] ?? delivery.channelId;
  return deps.publisher.publish(target, message, nonceOf(delivery.id));
}

async function sendToThread(
  deps: RoutedDeps,
  threads: ThreadPublisher,
  send: RoutedSend,
  route: Extract<DeliveryRoute, { kind: 'thread' }>,
): Promise<RoutedResult> {
  const { delivery } = send;
  let threadId = route.threadId;
  try {
    // Thread ids are their starter message's: a thread a dead holder started is found, not doubled.
    threadId ??=
      (await threads.findThread(route.starterId)) ??
      (await threads.startThread(delivery.channelId, route.starterId, route.name));
  } catch (err) {
    if (!fallsBack(err)) throw err;
    deps.log.info(
      { delivery: delivery.id, reason: err.message },
      'cannot start a thread on the original alert; replying to it instead (nothing is lost)',
    );
    return sendToChannel(deps, send, [delivery.channelId]);
  }
  const earlierThread =
    route.threadId === null ? { deliveryId: route.earlierDeliveryId, threadId } : undefined;
  try {
    const sent = await sendToChannel(
      deps,
      send,
      [threadId, delivery.channelId],
      withoutReference(send.message),
    );
    return { ...sent, ...(earlierThread && { earlierThread }) };
  } catch (err) {
    if (!fallsBack(err)) throw err;
    deps.log.info(
      { delivery: delivery.id, threadId, reason: err.message },
      'the thread is gone or closed; replying to the original alert instead (nothing is lost)',
    );
    return sendToChannel(deps, send, [delivery.channelId]);
  }
}

async function sendToForum(
  deps: RoutedDeps,
  threads: ThreadPublisher,
  send: RoutedSend,
  route: Extract<DeliveryRoute, { kind: 'forum-post' | 'forum-update' }>,
): Promise<RoutedResult> {
  if (route.kind === 'forum-update') {
    try {
      return await sendToChannel(deps, send, [route.threadId]);
    } catch (err) {
      if (!fallsBack(err)) throw err;
      deps.log.info(
        { delivery: send.delivery.id, threadId: route.threadId, reason: err.message },
        'the forum post is gone or closed; posting the update as a new post (nothing is lost)',
      );
    }
  }
  const postId = await newForumPost(deps, threads, send, route.name);
  return { messageId: postId, ownThreadId: postId };
}

/** Posts a new forum post for the alert, tagged (forumTags.ts); a dead holder's post is reused. */
async function newForumPost(
  deps: RoutedDeps,
  threads: ThreadPublisher,
  send: RoutedSend,
  name: string,
): Promise<string> {
  const forumId = send.delivery.channelId;
  const message = withoutReference(send.message);
  if (send.takenOver) {
    const found = await threads.findForumPost(forumId, name, message).catch(() => null);
    if (found !== null) return found;
  }
  const { tags, canManage } = await threads.forumTags(forumId);
  const plan = planForumTags(send.record, send.lang, tags, canManage);
  let applied = plan.apply;
  if (plan.create.length > 0) {
    try {
      const stored = await threads.setForumTags(forumId, [
        ...tags,
        ...plan.create.map((name) => ({ name })),
      ]);
      applied = [...applied, ...idsOfTags(stored, plan.create)];
    } catch (err) {
      if (!fallsBack(err)) throw err;
      deps.log.info(
        { forumId, reason: err.message },
        'could not create forum tags; posting without them',
      );
    }
  }
  return threads.createForumPost(forumId, { name, message, appliedTags: applied.slice(0, 5) });
}
