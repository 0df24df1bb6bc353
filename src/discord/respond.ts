/** Answering an interaction whether or not it was deferred already. */
import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';

export type ReplyPayload = Pick<
  InteractionReplyOptions,
  'content' | 'embeds' | 'allowedMentions'
> & { ephemeral?: boolean };

/** Replies, or edits the deferred reply, or follows up when a reply was already sent. */
export async function respond(
  interaction: ChatInputCommandInteraction,
  payload: ReplyPayload,
): Promise<void> {
  const { ephemeral, ...rest } = payload;
  const body = { allowedMentions: { parse: [] }, ...rest };
  if (interaction.deferred) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  } else {
    await interaction.reply({ ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
  }
}
