/** The shape of a command file in commands/ and what its handlers receive. */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Publisher } from '../alerts/publisher.js';
import { langOf, type Lang } from '../i18n/i18n.js';
import type { Limits } from '../config/limits.js';
import type { Logger } from '../log.js';
import type { PollStatus } from '../pipeline/index.js';
import type { Stores } from '../store/openStores.js';

/** Everything a command may use, passed in (no singletons). */
export interface CommandContext {
  stores: Stores;
  publisher: Publisher;
  feedUrls: readonly string[];
  limits: Limits;
  now: () => Date;
  log: Logger;
  /** Whether the core polls, or why it is paused (a wiped or replaced store). */
  pollStatus: () => PollStatus;
}

export interface CommandModule {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  message: 'expected a function',
});

export const commandModuleSchema = z.object({
  data: z.looseObject({
    name: z.string().regex(/^[-_a-z0-9]{1,32}$/),
    description: z.string().min(1).max(100),
  }),
  execute: fn,
  autocomplete: fn.optional(),
});

/** A subcommand's handler: the interaction, the context and the reader's language. */
export type SubcommandHandler = (
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
) => Promise<void>;

/**
 * An `execute` that runs the handler named by the interaction's subcommand. An unknown name never
 * gets here: the router answers it (checkOptions) before a command runs.
 */
export function bySubcommand(
  handlers: Readonly<Record<string, SubcommandHandler>>,
): CommandModule['execute'] {
  return async (interaction, ctx) => {
    await handlers[interaction.options.getSubcommand()]?.(
      interaction,
      ctx,
      langOf(interaction.locale),
    );
  };
}
