/** Answering an interaction whether or not it was deferred already. */
import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import { fitReply } from './fitReply.js';

export type ReplyPayload = Pick<
  InteractionReplyOptions,
  'content' | 'embeds' | 'allowedMentions' | 'files'
> & { ephemeral?: boolean };

const deferrals = new WeakMap<ChatInputCommandInteraction, Promise<unknown>>();

/** Defers the reply (the router does this before the 3 s deadline); respond() waits for it. */
export function deferInTime(interaction: ChatInputCommandInteraction): void {
  if (interaction.replied || interaction.deferred || deferrals.has(interaction)) return;
  deferrals.set(
    interaction,
    interaction.deferReply({ flags: MessageFlags.Ephemeral }).catch(() => undefined),
  );
}

/**
 * Replies, or edits the deferred reply, or follows up when a reply was already
 * sent; the payload is first cut to Discord's limits (fitReply), so a long
 * answer is shortened instead of refused.
 */
export async function respond(
  interaction: ChatInputCommandInteraction,
  payload: ReplyPayload,
): Promise<void> {
  // A defer may be on its way: answering before it lands would acknowledge the interaction twice.
  await deferrals.get(interaction);
  const { ephemeral, ...rest } = payload;
  const body = { allowedMentions: { parse: [] }, ...fitReply(rest) };
  if (interaction.deferred) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  } else {
    await interaction.reply({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  }
}
