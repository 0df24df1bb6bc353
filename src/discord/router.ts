/**
 * The one interactionCreate handler: finds the command, checks where and by
 * whom it may run and that the options fit the command (a forged payload gets
 * a clear message), defers before Discord's 3 s deadline when work is slow,
 * and always ends with an answer: errors become an ephemeral message (a
 * reference id for ours, "storage unavailable, not saved" for a store that
 * fails), and a handler that hangs is answered after `answerWithinMs`.
 */
import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { langOf, t, type Lang } from '../i18n/i18n.js';
import { InputError } from '../i18n/userError.js';
import { checkOptions } from './checkOptions.js';
import type { CommandContext, CommandModule } from './commandModule.js';
import { quoteInput } from './fitReply.js';
import { answerDetails, isDetailsButton } from './detailsButton.js';
import { deferInTime, respond } from './respond.js';

/** Deferring after this long leaves time for the defer itself within 3 s. */
export const DEFER_AFTER_MS = 1500;
/** A deferred command still running after this long is answered "took too long" (the token lasts 15 min). */
export const ANSWER_WITHIN_MS = 12_000;
/** Autocomplete has no defer: choices must arrive within 3 s, so a slow lookup answers [] at this point. */
export const AUTOCOMPLETE_WITHIN_MS = 2000;

export interface RouterTimings {
  deferAfterMs: number;
  answerWithinMs: number;
  autocompleteWithinMs: number;
}

const TIMINGS: RouterTimings = {
  deferAfterMs: DEFER_AFTER_MS,
  answerWithinMs: ANSWER_WITHIN_MS,
  autocompleteWithinMs: AUTOCOMPLETE_WITHIN_MS,
};

/** A store call that failed or timed out (src/store StoreError), seen through the core's entry. */
function isStoreError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (e.name === 'StoreError') return true;
    e = e.cause;
  }
  return false;
}

const TIMED_OUT = Symbol('timed out');

/** `work`, or TIMED_OUT when it has not settled within `ms` (it keeps running; its end is logged). */
function bounded<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** User input echoed in an error is cut (a 6,000-character option must not make the reply too long). */
function quotedParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? quoteInput(v, 200) : v]),
  );
}

function errorContent(err: unknown, lang: Lang, log: CommandContext['log'], where: object): string {
  if (err instanceof InputError) return t(lang, err.key, quotedParams(err.params));
  if (isStoreError(err)) {
    log.warn({ err, ...where }, 'command failed: the store is unavailable');
    return t(lang, 'error.store-unavailable');
  }
  const ref = randomBytes(4).toString('hex');
  log.error({ err, ref, ...where }, 'command failed');
  return t(lang, 'error.generic', { ref });
}

export function createRouter(
  commands: ReadonlyMap<string, CommandModule>,
  ctx: CommandContext,
  timings: Partial<RouterTimings> = {},
) {
  const { deferAfterMs, answerWithinMs, autocompleteWithinMs } = { ...TIMINGS, ...timings };
  return async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      const work = Promise.resolve().then(() => command?.autocomplete?.(interaction, ctx));
      const outcome = await bounded(work, autocompleteWithinMs).catch((err: unknown) => {
        ctx.log.warn({ err, command: interaction.commandName }, 'autocomplete failed');
        return undefined;
      });
      if (outcome === TIMED_OUT) {
        ctx.log.warn({ command: interaction.commandName }, 'autocomplete too slow; answered []');
        work.catch(() => undefined);
      }
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
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
    const where = { command: interaction.commandName, guildId: interaction.guildId };
    const deferTimer = setTimeout(() => deferInTime(interaction), deferAfterMs);
    const work = (async () => {
      if (!interaction.inGuild()) throw new InputError('error.guild-only');
      // Checked again at run time: a server can override a command's default permissions.
      const needed = command.data.default_member_permissions;
      if (needed && !interaction.memberPermissions?.has(BigInt(needed)))
        throw new InputError('error.manage-guild');
      checkOptions(command, interaction.options.data);
      await command.execute(interaction, ctx);
    })();
    let content: string | null = null;
    try {
      const outcome = await bounded(work, answerWithinMs);
      if (outcome === TIMED_OUT) {
        ctx.log.warn(
          { ...where, answerWithinMs },
          'command still running; answered "took too long"',
        );
        // Its late end is only logged: the user already has an answer.
        work.catch((err: unknown) =>
          ctx.log.warn({ err, ...where }, 'command failed after answering'),
        );
        content = t(lang, 'error.timed-out');
      }
    } catch (err) {
      content = errorContent(err, lang, ctx.log, where);
    } finally {
      clearTimeout(deferTimer);
    }
    if (content === null) return;
    await respond(interaction, { content, ephemeral: true }).catch((e: unknown) =>
      ctx.log.warn({ err: e }, 'could not report an error to the user'),
    );
  };
}
