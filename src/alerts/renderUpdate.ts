/**
 * The alert for a post that continues an earlier incident: "続報 / Update to <original title>" with
 * the facts that changed (影響人数 2,850 → 35,650), as a reply to the channel's earlier alert of the
 * incident when there is one, else as a normal alert that says what it updates.
 */
import { langOf, t } from '../i18n/i18n.js';
import { changedFacts } from '../incidents/timeline.js';
import type { Subscription } from '../store/guildSettings.js';
import type { Delivery } from '../store/outboxStore.js';
import type { StoredPost } from '../store/postStore.js';
import { cut, escapeMarkdown, renderAlert, type AlertMessage } from './renderAlert.js';
import { describeChange } from './renderTimeline.js';

export interface UpdateContext {
  /** The first report of the incident. */
  original: StoredPost;
  /** The post the changed facts are measured against (the one the update cites). */
  previous: StoredPost;
  /** The message id of this channel's earlier alert of the incident, to reply to; null if none. */
  replyTo: string | null;
  /** The delivery of that earlier alert (its thread, if one was started on it); absent if none. */
  earlier?: Delivery;
}

/** A message that may reply to another (Discord's `message_reference`). */
export type ReplyMessage = AlertMessage & {
  message_reference?: { message_id: string; fail_if_not_exists: boolean };
};

/** Room kept for the update's lines, well inside Discord's 6000 characters per message. */
const UPDATE_DESCRIPTION_CHARS = 1200;

function dayOf(record: StoredPost): string {
  return (
    record.classification.disclosedOn ?? (record.post.publishedAt ?? record.storedAt).slice(0, 10)
  );
}

/** The update alert for `record` in a channel of `subscription`. */
export function renderUpdateAlert(
  record: StoredPost,
  subscription: Subscription,
  context: UpdateContext,
): ReplyMessage {
  const lang = langOf(subscription.locale);
  const base = renderAlert(record, subscription);
  const title = escapeMarkdown(context.original.post.title.replace(/^【[^】]*】\s*/u, ''));
  const head = context.replyTo
    ? t(lang, 'story.update-to', { title })
    : t(lang, 'story.update-to-unalerted', { title, day: dayOf(context.original) });
  const changes = changedFacts(context.previous, record).map((c) => `・${describeChange(c, lang)}`);
  const [embed, ...rest] = base.embeds;
  const description = cut([`**${head}**`, ...changes].join('\n'), UPDATE_DESCRIPTION_CHARS);
  return {
    ...base,
    embeds: embed ? [{ ...embed, description }, ...rest] : rest,
    // A deleted original must not lose the update: Discord then posts it without the reply.
    ...(context.replyTo
      ? { message_reference: { message_id: context.replyTo, fail_if_not_exists: false } }
      : {}),
  };
}
