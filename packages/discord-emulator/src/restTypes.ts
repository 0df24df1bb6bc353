/** Shapes shared by the emulator's REST handlers, and helpers for Discord-shaped answers. */
import type { InteractionRecord } from './interactions.js';
import { nextSnowflake } from './snowflake.js';
import { invalidFormBody, validateMessage } from './validation.js';
import type { StoredMessage, World } from './world.js';

export interface RestRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  authorized: boolean;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export interface RestContext {
  world: World;
  gatewayUrl: string;
  interactions: Map<string, InteractionRecord>;
  onMessage: (message: StoredMessage) => void;
  onInteractionUpdate: (record: InteractionRecord) => void;
  /** Sends a gateway dispatch (THREAD_CREATE, CHANNEL_UPDATE…); absent where no gateway listens. */
  dispatch?: (t: string, d: unknown) => void;
}

export const notFound = (message: string, code: number): RestResponse => ({
  status: 404,
  body: { message, code },
});

export function makeMessage(
  ctx: RestContext,
  channelId: string,
  body: Record<string, unknown>,
  webhookId?: string,
): StoredMessage {
  return {
    id: nextSnowflake(),
    channel_id: channelId,
    type: 0,
    author: webhookId ? { ...ctx.world.botUser, id: webhookId } : ctx.world.botUser,
    content: (body.content as string | undefined) ?? '',
    embeds: (body.embeds as unknown[] | undefined) ?? [],
    components: (body.components as unknown[] | undefined) ?? [],
    allowed_mentions: body.allowed_mentions ?? null,
    flags: (body.flags as number | undefined) ?? 0,
    attachments: (body.attachments as unknown[] | undefined) ?? [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...(webhookId ? { webhook_id: webhookId } : {}),
  };
}

export function invalid(body: Record<string, unknown> | null): RestResponse | null {
  const errors = validateMessage(body ?? {});
  return errors.length > 0 ? { status: 400, body: invalidFormBody(errors) } : null;
}
