/**
 * Checks an interaction's options against the command's declared shape before
 * the command runs. Discord's client enforces choices, ranges and lengths, but
 * a forged payload does not: an unknown subcommand, a value outside the
 * choices, a number out of range or an over-long string gets a clear message
 * in the user's language instead of "something went wrong" or no reply.
 */
import {
  ApplicationCommandOptionType as O,
  type APIApplicationCommandOption,
  type CommandInteractionOption,
} from 'discord.js';
import { InputError } from '../i18n/userError.js';
import type { CommandModule } from './commandModule.js';
import { quoteInput } from './fitReply.js';

type Declared = { options?: readonly APIApplicationCommandOption[] | undefined };

const declaredOf = (option: Declared): readonly APIApplicationCommandOption[] =>
  option.options ?? [];

function checkValue(given: CommandInteractionOption, declared: APIApplicationCommandOption): void {
  const name = declared.name;
  const value = given.value;
  if ('choices' in declared && declared.choices && declared.choices.length > 0) {
    const valid = declared.choices.map((c) => c.value);
    if (!valid.some((v) => v === value))
      throw new InputError('error.bad-choice', {
        option: name,
        value: quoteInput(String(value), 50),
        valid: valid.join(', '),
      });
  }
  if (typeof value === 'number' && 'min_value' in declared) {
    const min = declared.min_value ?? -Infinity;
    const max = ('max_value' in declared ? declared.max_value : undefined) ?? Infinity;
    if (value < min || value > max || (declared.type === O.Integer && !Number.isInteger(value)))
      throw new InputError('error.out-of-range', { option: name, min, max, value });
  }
  if (typeof value === 'string' && declared.type === O.String) {
    const max = declared.max_length ?? 6000;
    if ([...value].length > max) throw new InputError('error.too-long', { option: name, max });
  }
}

function checkLevel(
  given: readonly CommandInteractionOption[],
  declared: readonly APIApplicationCommandOption[],
  command: string,
): void {
  for (const option of given) {
    const match = declared.find((d) => d.name === option.name && d.type === option.type);
    const isGroup = option.type === O.Subcommand || option.type === O.SubcommandGroup;
    if (!match) {
      if (isGroup) {
        const valid = declared
          .filter((d) => d.type === O.Subcommand || d.type === O.SubcommandGroup)
          .map((d) => d.name);
        throw new InputError('error.unknown-subcommand', {
          command,
          sub: quoteInput(option.name, 40),
          valid: valid.join(', '),
        });
      }
      throw new InputError('error.unknown-option', { option: quoteInput(option.name, 40) });
    }
    if (isGroup) checkLevel(option.options ?? [], declaredOf(match as Declared), command);
    else checkValue(option, match);
  }
}

/** Throws an InputError when `given` does not fit `command`'s declared options. */
export function checkOptions(
  command: Pick<CommandModule, 'data'>,
  given: readonly CommandInteractionOption[],
): void {
  const declared = declaredOf(command.data as Declared);
  const needsSub = declared.some((d) => d.type === O.Subcommand || d.type === O.SubcommandGroup);
  if (needsSub && !given.some((o) => o.type === O.Subcommand || o.type === O.SubcommandGroup))
    throw new InputError('error.unknown-subcommand', {
      command: command.data.name,
      sub: '—',
      valid: declared.map((d) => d.name).join(', '),
    });
  checkLevel(given, declared, command.data.name);
}
