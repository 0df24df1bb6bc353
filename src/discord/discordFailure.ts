/**
 * Discord failures an operator can fix, as one line each saying what to check
 * (`DISCORD_TOKEN`, the application id, the guild id, `DISCORD_API_URL`), and
 * the auth loss that must end the process: a bot whose token Discord refuses
 * is dead, however alive the gateway looks.
 */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, HTTPError } from 'discord.js';

/** Discord refused the token (REST 401 or gateway close 4004): the process must exit. */
export class DiscordAuthError extends Error {
  override readonly name = 'DiscordAuthError';
  constructor(readonly where: 'rest' | 'gateway') {
    super(
      where === 'rest'
        ? 'Discord answered 401 Unauthorized: the token is wrong or was reset'
        : 'the Discord gateway closed with 4004 (authentication failed): the token is wrong or was reset',
    );
  }
}

/** The gateway closed for good while logging in (a close code discord.js does not retry). */
export class GatewayClosedError extends Error {
  override readonly name = 'GatewayClosedError';
  constructor(readonly code: number) {
    super(`the Discord gateway closed with ${code} and will not reconnect`);
  }
}

export interface FailureContext {
  apiUrl: string;
  guildId?: string | undefined;
  applicationId?: string | null | undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

function networkCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  if (err instanceof Error && (err.name === 'AbortError' || err.message === 'fetch failed'))
    return err.name === 'AbortError' ? 'timeout' : 'fetch failed';
  return null;
}

/**
 * One line saying what went wrong with Discord and what to check, or null when
 * `err` is not a Discord failure the operator can act on (a bug: keep its stack).
 */
export function describeDiscordFailure(err: unknown, ctx: FailureContext): string | null {
  if (err instanceof DiscordAuthError)
    return `${err.message}; check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)`;
  if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid)
    return 'Discord refused the token; check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)';
  if (err instanceof GatewayClosedError)
    return `${err.message}; check DISCORD_TOKEN and that the bot's intents are allowed`;
  if (err instanceof DiscordAPIError) {
    if (err.status === 401)
      return 'Discord answered 401 Unauthorized; check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)';
    if (err.code === 10004)
      return `Discord does not know guild ${ctx.guildId ?? '?'} (Unknown Guild); check the guild id given with --guild and that the bot was invited to that server`;
    if (err.code === 10002)
      return `Discord does not know application ${ctx.applicationId ?? '?'} (Unknown Application); check DISCORD_APPLICATION_ID (or leave it unset to take it from the token)`;
    if (err.status === 403)
      return `Discord refused the request (403 ${err.message}); check DISCORD_APPLICATION_ID matches DISCORD_TOKEN's bot${ctx.guildId ? `, and that the bot is in guild ${ctx.guildId} with the applications.commands scope` : ''}`;
    if (err.status === 404)
      return `Discord answered 404 (${err.message}) at ${ctx.apiUrl}; check DISCORD_API_URL (it should end in /api) and DISCORD_APPLICATION_ID`;
    return null;
  }
  if (err instanceof HTTPError)
    return `Discord answered ${err.status} ${err.message} at ${ctx.apiUrl}; check DISCORD_API_URL, or try again later if Discord is down`;
  const network = networkCode(err);
  if (network)
    return `cannot reach Discord at ${ctx.apiUrl} (${network}); check DISCORD_API_URL and the network`;
  return null;
}
