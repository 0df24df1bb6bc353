/**
 * The alert's "details" button: pressing it answers only the presser with the
 * classifier's rule ids behind each label (the alert itself shows words only).
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { ruleIdsOf } from '../alerts/explainReasons.js';
import { cut, DETAILS_PREFIX } from '../alerts/renderAlert.js';
import { langOf, t } from '../i18n/i18n.js';
import type { CommandContext } from './commandModule.js';

/** Whether this router should hand `customId` to `answerDetails`. */
export const isDetailsButton = (customId: string) => customId.startsWith(DETAILS_PREFIX);

export async function answerDetails(
  interaction: ButtonInteraction,
  ctx: CommandContext,
): Promise<void> {
  const lang = langOf(interaction.locale);
  const record = await ctx.stores.posts.get(interaction.customId.slice(DETAILS_PREFIX.length));
  const body = record
    ? {
        embeds: [
          {
            title: t(lang, 'why.rules-title'),
            description: cut(
              ruleIdsOf(record)
                .map((line) => `\`${line}\``)
                .join('\n'),
              4096,
            ),
          },
        ],
      }
    : { content: t(lang, 'why.post-gone') };
  await interaction.reply({
    ...body,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}
