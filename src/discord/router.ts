/**
 * The one interactionCreate handler: finds the command, checks where and by
 * whom it may run, defers before Discord's 3 s deadline when work is slow,
 * and turns errors into an ephemeral message (a reference id for ours).
 */
import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { langOf, t } from '../i18n/i18n.js';
import { InputError } from '../i18n/userError.js';
import type { CommandContext, CommandModule } from './commandModule.js';
import { answerDetails, isDetailsButton } from './detailsButton.js';
import { deferInTime, respond } from './respond.js';

/** Deferring after this long leaves time for the defer itself within 3 s. */
export const DEFER_AFTER_MS = 1500;

export function createRouter(commands: ReadonlyMap<string, CommandModule>, ctx: CommandContext) {
  return async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      try {
        await command?.autocomplete?.(interaction, ctx);
      } catch (err) {
        ctx.log.warn({ err, command: interaction.commandName }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (interaction.isButton() && isDetailsButton(interaction.customId)) {
      await answerDetails(interaction, ctx).catch((err: unknown) =>
        ctx.log.warn({ err }, 'details button failed'),
      );
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const command = commands.get(interaction.commandName);
    const lang = langOf(interaction.locale);
    if (!command) return;
    const deferTimer = setTimeout(() => deferInTime(interaction), DEFER_AFTER_MS);
    try {
      if (!interaction.inGuild()) throw new InputError('error.guild-only');
      // Checked again at run time: a server can override a command's default permissions.
      const needed = command.data.default_member_permissions;
      if (needed && !interaction.memberPermissions?.has(BigInt(needed)))
        throw new InputError('error.manage-guild');
      await command.execute(interaction, ctx);
    } catch (err) {
      let content: string;
      if (err instanceof InputError) {
        content = t(lang, err.key, err.params);
      } else {
        const ref = randomBytes(4).toString('hex');
        ctx.log.error(
          { err, ref, command: interaction.commandName, guildId: interaction.guildId },
          'command failed',
        );
        content = t(lang, 'error.generic', { ref });
      }
      await respond(interaction, { content, ephemeral: true }).catch((e: unknown) =>
        ctx.log.warn({ err: e }, 'could not report an error to the user'),
      );
    } finally {
      clearTimeout(deferTimer);
    }
  };
}
