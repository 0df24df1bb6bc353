/** The environment variables jikenbo reads, as one zod schema. Only this module reads process.env. */
import { z } from 'zod';
import cron from 'node-cron';

export const DEFAULT_FEED_URL = 'https://blog.b-son.net/feeds/posts/default';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Where the stores live: an embedded SQLite file (default), a PostgreSQL database (the shared
 * engine for several processes; `?schema=name` puts the tables in a schema of their own), or
 * process memory (nothing survives a restart).
 */
export type StoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'memory' };

/** Why a STORE_URL was refused, for the config error. */
export function storeUrlProblem(value: string): string | null {
  if (/^rediss?:/i.test(value))
    return 'Redis is no longer a store (the archive and the outbox need SQL): use sqlite://<path> for one process, or postgres://… as the shared engine for several';
  return parseStoreUrl(value)
    ? null
    : 'expected sqlite://<relative path>, sqlite:///<absolute path>, postgres://user@host:5432/db or memory://';
}

/**
 * Parses `sqlite://relative/path` (relative to the working directory), `sqlite:///absolute/path`,
 * `postgres://…` / `postgresql://…` (optional `?schema=name`) or `memory://`.
 */
export function parseStoreUrl(value: string): StoreLocation | null {
  if (value === 'memory://' || value === 'memory:') return { kind: 'memory' };
  if (/^postgres(ql)?:\/\/./.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    const schema = url.searchParams.get('schema');
    if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) return null;
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
  }
  const sqlite = /^sqlite:\/\/(.+)$/.exec(value);
  if (sqlite?.[1]) return { kind: 'sqlite', path: sqlite[1] };
  return null;
}

/** The application id is the first dot-separated part of a bot token, base64 of the bot's user id. */
export function applicationIdFromToken(token: string): string | null {
  const first = token.split('.')[0];
  if (!first) return null;
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{15,21}$/.test(decoded) ? decoded : null;
}

const feedUrlsSchema = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(
    z
      .array(z.string().refine(isHttpUrl, { message: 'expected an http(s) URL' }))
      .min(1, { message: 'expected at least one feed URL' }),
  );

export const envSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{15,21}$/, { message: 'expected a numeric Discord snowflake' })
    .optional(),
  DISCORD_API_URL: z
    .string()
    .refine(isHttpUrl, { message: 'expected an http(s) URL' })
    .default(DEFAULT_DISCORD_API_URL),
  FEED_URLS: feedUrlsSchema.default([DEFAULT_FEED_URL]),
  POLL_SCHEDULE: z
    .string()
    .refine((value) => cron.validate(value), {
      message: 'expected a cron expression such as "*/10 * * * *" (a seconds field is allowed)',
    })
    .default('*/10 * * * *'),
  // Parsed once here: the rest of the code gets a StoreLocation, never the raw string.
  STORE_URL: z
    .string()
    .default('sqlite://data/jikenbo.sqlite')
    .transform((value, ctx) => {
      const location = parseStoreUrl(value);
      const problem = storeUrlProblem(value);
      if (location && !problem) return { url: value, location };
      ctx.addIssue({ code: 'custom', message: problem ?? 'invalid store URL' });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Folder of the data files (limits.json, classifier.json); unset means the package's config/. */
  JIKENBO_CONFIG_DIR: z.string().min(1).optional(),
  /** Folder of state kept outside the store (a PostgreSQL store's expected install id); default data/. */
  JIKENBO_STATE_DIR: z.string().min(1).optional(),
  /** `true`: take a wiped or replaced store as the new one instead of pausing polling. */
  ACCEPT_NEW_STORE: z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** The application's Ed25519 public key (64 hex digits): `jikenbo serve` checks requests with it. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { message: 'expected 64 hex digits (the 32-byte public key)' })
    .optional(),
  /** Where `jikenbo serve` listens for Discord's interaction POSTs. */
  SERVE_PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a port number' })
    .min(0, { message: 'expected a port number from 0 to 65535' })
    .max(65_535, { message: 'expected a port number from 0 to 65535' })
    .default(8080),
  /** How many shards the guilds are split into (Discord requires shards from 2,500 guilds). */
  SHARD_COUNT: z.coerce
    .number({ message: 'expected a whole number of at least 1' })
    .int({ message: 'expected a whole number of at least 1' })
    .min(1, { message: 'expected a whole number of at least 1' })
    .default(1),
  /** The shards this process serves, comma-separated (e.g. "0,2"); unset means all of them. */
  SHARD_IDS: z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, { message: 'expected shard numbers such as "0" or "0,2"' })
    .transform((raw) =>
      [...new Set(raw.split(',').map((part) => Number(part.trim())))].sort((a, b) => a - b),
    )
    .optional(),
});

/** Variables whose values must never be printed, even in an error message. */
export const SECRET_VARIABLES = new Set(['DISCORD_TOKEN']);
