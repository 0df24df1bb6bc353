/**
 * Loads and validates the whole configuration once at start: the environment
 * and the data files in config/. Every problem is reported at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { applicationIdFromToken, envSchema, SECRET_VARIABLES, type StoreLocation } from './env.js';
import { limitsSchema, type Limits } from './limits.js';
import { classifierRulesSchema, type ClassifierRules } from '../classify/rules.js';
import { projectRoot } from './projectRoot.js';

export interface Config {
  discord: {
    token: string | null;
    applicationId: string | null;
    apiUrl: string;
    /** Ed25519 public key (hex) that signs HTTP interactions; `jikenbo serve` needs it. */
    publicKey: string | null;
  };
  /** `jikenbo serve`: the port of the interactions endpoint. */
  serve: { port: number };
  /** The shards this process serves (`ids`) out of `count`. */
  shards: { ids: number[]; count: number };
  feedUrls: string[];
  pollSchedule: string;
  storeUrl: string;
  store: StoreLocation;
  /** JIKENBO_STATE_DIR: where state kept outside the store lives (null: data/). */
  stateDir: string | null;
  /** ACCEPT_NEW_STORE: take a wiped or replaced store instead of pausing polling. */
  acceptNewStore: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  limits: Limits;
  classifierRules: ClassifierRules;
  configDir: string;
}

/** Thrown by loadConfig with one line per problem; the message never contains a secret. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeValue(name: string, value: unknown): string {
  if (value === undefined) return '(unset)';
  if (SECRET_VARIABLES.has(name)) return '(hidden)';
  return JSON.stringify(typeof value === 'string' ? withoutUrlPassword(value) : value);
}

/** `redis://user:secret@host` → `redis://user:***@host`: a store URL's password never reaches a log. */
export function withoutUrlPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:)[^/@\s]*@/i, '$1***@');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Reads and validates one JSON data file of config/, adding its problems to `problems`. */
export function loadConfigFile<S extends z.ZodType>(
  configDir: string,
  file: string,
  schema: S,
  problems: string[],
): z.infer<S> | undefined {
  const path = join(configDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`config/${file}: cannot be read as JSON (${(err as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    problems.push(
      `config/${file}: ${where} = ${describeValue(where, valueAt(raw, issue.path))}: ${issue.message}`,
    );
  }
  return undefined;
}

/** SHARD_IDS must name shards below SHARD_COUNT. */
function shardProblems(e: { SHARD_COUNT: number; SHARD_IDS?: number[] | undefined }): string[] {
  const outside = (e.SHARD_IDS ?? []).filter((id) => id >= e.SHARD_COUNT);
  return outside.length === 0
    ? []
    : [
        `SHARD_IDS = ${JSON.stringify(e.SHARD_IDS?.join(','))}: shard ${outside.join(', ')} is not below SHARD_COUNT (${e.SHARD_COUNT})`,
      ];
}

/** Validates `env` and the files of `configDir`; throws ConfigError listing every problem. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  configDirOverride?: string,
): Config {
  const problems: string[] = [];
  // Empty variables count as unset, as in most .env tooling.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsedEnv = envSchema.safeParse(present);
  // Empty or unset JIKENBO_CONFIG_DIR is the package's config/, never the working directory.
  const configDir =
    configDirOverride ??
    (parsedEnv.success ? parsedEnv.data.JIKENBO_CONFIG_DIR : undefined) ??
    join(projectRoot(), 'config');
  if (!parsedEnv.success) {
    for (const issue of parsedEnv.error.issues) {
      const name = String(issue.path[0] ?? '(environment)');
      problems.push(`${name} = ${describeValue(name, present[name])}: ${issue.message}`);
    }
  }
  if (parsedEnv.success) problems.push(...shardProblems(parsedEnv.data));
  const limits = loadConfigFile(configDir, 'limits.json', limitsSchema, problems);
  const classifierRules = loadConfigFile(
    configDir,
    'classifier.json',
    classifierRulesSchema,
    problems,
  );
  if (
    !parsedEnv.success ||
    limits === undefined ||
    classifierRules === undefined ||
    problems.length > 0
  ) {
    throw new ConfigError(problems);
  }

  const e = parsedEnv.data;
  const token = e.DISCORD_TOKEN ?? null;
  return {
    discord: {
      token,
      applicationId: e.DISCORD_APPLICATION_ID ?? (token ? applicationIdFromToken(token) : null),
      apiUrl: e.DISCORD_API_URL,
      publicKey: e.DISCORD_PUBLIC_KEY ?? null,
    },
    serve: { port: e.SERVE_PORT },
    shards: {
      count: e.SHARD_COUNT,
      ids: e.SHARD_IDS ?? Array.from({ length: e.SHARD_COUNT }, (_, i) => i),
    },
    feedUrls: e.FEED_URLS,
    pollSchedule: e.POLL_SCHEDULE,
    storeUrl: e.STORE_URL.url,
    store: e.STORE_URL.location,
    stateDir: e.JIKENBO_STATE_DIR ?? null,
    acceptNewStore: e.ACCEPT_NEW_STORE,
    logLevel: e.LOG_LEVEL,
    limits,
    classifierRules,
    configDir,
  };
}

/** Loads and validates only config/classifier.json (for tools that need no environment). */
export function loadClassifierRules(
  configDir: string = join(projectRoot(), 'config'),
): ClassifierRules {
  const problems: string[] = [];
  const rules = loadConfigFile(configDir, 'classifier.json', classifierRulesSchema, problems);
  if (!rules) throw new ConfigError(problems);
  return rules;
}
