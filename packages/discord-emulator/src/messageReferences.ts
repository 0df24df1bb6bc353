/**
 * Replies (`message_reference` on a new message), validated as Discord does: the referenced message
 * must exist in the same channel, else 400 with Invalid Form Body (`fail_if_not_exists: false` sends
 * the message without the reply instead). A reply is stored as type 19 with `referenced_message`.
 */
import type { RestContext, RestResponse } from './restTypes.js';
import { invalidFormBody } from './validation.js';
import type { StoredMessage } from './world.js';

/** The message type of a reply. */
export const REPLY_TYPE = 19;

type Json = Record<string, unknown>;

function refused(code: string, message: string): RestResponse {
  return { status: 400, body: invalidFormBody([{ path: 'message_reference', code, message }]) };
}

/**
 * The fields a new message in `channelId` gets from its body's `message_reference` (none when the
 * body has none, or when the target is missing and the sender said not to fail), or the error.
 */
export function replyFields(
  ctx: RestContext,
  channelId: string,
  guildId: string,
  body: Json | null,
): { fields: Partial<StoredMessage> } | { error: RestResponse } {
  const ref = body?.message_reference as Json | undefined;
  if (ref === undefined || ref === null) return { fields: {} };
  if (typeof ref !== 'object' || typeof ref.message_id !== 'string')
    return { error: refused('MODEL_TYPE_CONVERT', 'Invalid message reference') };
  const failIfMissing = ref.fail_if_not_exists !== false;
  if (ref.channel_id !== undefined && ref.channel_id !== channelId)
    return {
      error: refused(
        'REPLIES_CANNOT_REFERENCE_OTHER_CHANNEL',
        'Cannot reply to a message in a different channel',
      ),
    };
  const target = ctx.world.messagesIn(channelId).find((m) => m.id === ref.message_id);
  if (!target) {
    if (!failIfMissing) return { fields: {} };
    return { error: refused('REPLIES_UNKNOWN_MESSAGE', 'Unknown message') };
  }
  return {
    fields: {
      type: REPLY_TYPE,
      message_reference: {
        type: 0,
        message_id: target.id,
        channel_id: channelId,
        guild_id: guildId,
      },
      referenced_message: target,
    },
  };
}
