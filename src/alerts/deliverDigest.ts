/**
 * Sends a channel's held alerts (digest time reached, or quiet hours over) as one digest: the rows
 * are claimed together, rendered into as few messages as Discord's limits allow, and every row is
 * recorded in one all-or-nothing update. Should a later message fail, the rows of the messages
 * already sent are recorded as delivered and only the rest are retried, so nothing is sent twice.
 */
import { backoffSeconds } from '../backoff.js';
import type { Logger } from '../log.js';
import type { ClaimingOutboxStore, Delivery } from '../store/outboxStore.js';
import type { PostStore, StoredPost } from '../store/postStore.js';
import type { GuildSettingsStore } from '../store/guildSettingsStore.js';
import type { Subscription } from '../store/guildSettings.js';
import { PublishError, type Publisher } from './publisher.js';
import { digestOrder, renderDigest } from './renderDigest.js';
import { channelSubscription } from './watchAlert.js';
import type { DeliveryOptions } from './deliverAlerts.js';
import { createHash } from 'node:crypto';

export interface DigestDeps {
  outbox: ClaimingOutboxStore;
  posts: Pick<PostStore, 'get'>;
  guilds: Pick<GuildSettingsStore, 'get'>;
  publisher: Publisher;
  now: () => Date;
  log: Logger;
  options: DeliveryOptions;
  workerId: string;
  /** Marks the channel's subscription broken (403/404). */
  markBroken(guildId: string, channelId: string, reason: string): Promise<void>;
  /** Told of each digest message sent (announcement channels publish it), under its first row. */
  onSent?: (delivery: Delivery, messageId: string, subscription: Subscription) => Promise<void>;
}

export interface DigestOutcome {
  delivered: number;
  failed: number;
  /** Set when the rest waits for a retry then. */
  retryAt: string | null;
}

/** A stable nonce for page `page` of the digest of `rows`: a resend after a crash is dropped. */
function digestNonce(rows: readonly Delivery[], page: number): string {
  const key = `digest ${rows.map((r) => r.id).join('|')} ${page}`;
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

/** Delivers `rows` (claimed held deliveries of one channel, oldest first) as a digest. */
export async function deliverDigest(
  rows: readonly Delivery[],
  deps: DigestDeps,
): Promise<DigestOutcome> {
  const channelId = rows[0]?.channelId ?? '';
  const guildId = rows[0]?.guildId ?? '';
  const at = () => deps.now().toISOString();
  const settings = await deps.guilds.get(guildId);
  const subscription = settings ? channelSubscription(settings, channelId, at()) : null;
  const found: Array<StoredPost & { delivery: Delivery }> = [];
  const missing: Delivery[] = [];
  for (const row of rows) {
    const post = await deps.posts.get(row.postId);
    if (post) found.push({ ...post, delivery: row });
    else missing.push(row);
  }
  if (!subscription || subscription.health.status !== 'ok') {
    const why = subscription ? 'subscription broken' : 'channel unsubscribed';
    await write(
      deps,
      rows.map((d) => ({ ...d, ...finished('failed', d, at()), lastError: why })),
    );
    return { delivered: 0, failed: rows.length, retryAt: null };
  }
  const ordered = digestOrder(found);
  const messages = renderDigest(ordered, subscription);
  const sent: Array<{ rows: Delivery[]; messageId: string }> = [];
  let offset = 0;
  let failure: PublishError | null = null;
  for (const [page, message] of messages.entries()) {
    const pageRows = ordered.slice(offset, offset + message.embeds.length).map((r) => r.delivery);
    try {
      const { messageId } = await deps.publisher.publish(
        channelId,
        message,
        digestNonce(rows, page),
      );
      sent.push({ rows: pageRows, messageId });
      const first = pageRows[0];
      if (first) await deps.onSent?.(first, messageId, subscription);
      offset += message.embeds.length;
    } catch (err) {
      failure =
        err instanceof PublishError ? err : new PublishError('transient', (err as Error).message);
      break;
    }
  }
  const delivered = sent.flatMap((s) =>
    s.rows.map((d) => ({ ...d, ...finished('delivered', d, at()), messageId: s.messageId })),
  );
  const failedMissing = missing.map((d) => ({
    ...d,
    ...finished('failed', d, at()),
    lastError: 'post no longer stored',
  }));
  if (!failure) {
    await write(deps, [...delivered, ...failedMissing]);
    return { delivered: delivered.length, failed: missing.length, retryAt: null };
  }
  const rest = ordered.slice(offset).map((r) => r.delivery);
  deps.log.warn(
    { channelId, guildId, failure: failure.failure, reason: failure.message, held: rest.length },
    'digest delivery failed',
  );
  if (failure.failure === 'forbidden' || failure.failure === 'unknown-channel')
    await deps.markBroken(guildId, channelId, failure.message);
  const attempts = Math.max(...rest.map((d) => d.attempts)) + 1;
  const giveUp = failure.failure !== 'transient' || attempts >= deps.options.maxAttempts;
  const wait = backoffSeconds(attempts, {
    baseSeconds: deps.options.baseBackoffSeconds,
    maxSeconds: deps.options.maxBackoffSeconds,
  });
  const retryAt = giveUp ? null : new Date(deps.now().getTime() + wait * 1000).toISOString();
  const after = rest.map((d) => ({
    ...d,
    status: giveUp ? ('failed' as const) : ('pending' as const),
    attempts: d.attempts + 1,
    lastError: failure.message,
    nextAttemptAt: retryAt,
    updatedAt: at(),
  }));
  await write(deps, [...delivered, ...failedMissing, ...after]);
  return {
    delivered: delivered.length,
    failed: missing.length + (giveUp ? rest.length : 0),
    retryAt,
  };
}

function finished(status: 'delivered' | 'failed', d: Delivery, at: string) {
  return { status, attempts: d.attempts + 1, lastError: null, nextAttemptAt: null, updatedAt: at };
}

async function write(deps: DigestDeps, deliveries: Delivery[]): Promise<void> {
  if (!(await deps.outbox.updateClaimedAll(deliveries, deps.workerId)))
    deps.log.warn(
      { channel: deliveries[0]?.channelId },
      'digest lease lost; another worker has it',
    );
}
