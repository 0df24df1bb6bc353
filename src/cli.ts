/** The `jikenbo` command: parses arguments, validates config once, runs one subcommand. */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config/loadConfig.js';
import { ClassifyInputError, runClassify } from './cli/classifyCommand.js';
import { runBackfill } from './cli/backfillCommand.js';
import { defaultFixturesDir, runDemo } from './cli/demoCommand.js';
import { runPoll, type Output } from './cli/pollCommand.js';
import { appLogger, buildClassifier, openApp } from './app/createApp.js';
import { COMMAND_USAGE, MAIN_USAGE } from './cli/usage.js';
import { runDeployCommands, runStart } from './cli/botCommands.js';
import { runServe } from './cli/serveCommand.js';
import { heartbeatIsFresh } from './cli/heartbeat.js';
import {
  CommandInputError,
  EXPORT_OPTIONS,
  EXPORT_USAGE,
  ExportOutputError,
  parseExportOptions,
  runExport,
} from './cli/exportCommand.js';
import { STATS_OPTIONS, STATS_USAGE, parseStatsOptions, runStats } from './cli/statsCommand.js';
import { lastDays } from './charts/statsSeries.js';
import { StoreError } from './store/sql/storeError.js';

const EXIT_USAGE = 2;

class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

const COMMAND_OPTIONS: Record<string, OptionSpec> = {
  poll: { once: { type: 'boolean' }, 'accept-new-store': { type: 'boolean' } },
  backfill: {
    max: { type: 'string' },
    feed: { type: 'string' },
    'accept-new-store': { type: 'boolean' },
  },
  classify: { json: { type: 'boolean' } },
  start: { 'accept-new-store': { type: 'boolean' } },
  serve: {},
  'deploy-commands': { guild: { type: 'string' } },
  demo: { fast: { type: 'boolean' }, web: { type: 'boolean' }, fixtures: { type: 'string' } },
  healthcheck: {},
  export: EXPORT_OPTIONS,
  stats: STATS_OPTIONS,
};

const USAGE: Record<string, string> = {
  ...COMMAND_USAGE,
  export: EXPORT_USAGE,
  stats: STATS_USAGE,
};

type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parseCommandArgs(command: string, args: string[]): ParsedArgs {
  try {
    return parseArgs({
      args,
      options: { ...COMMAND_OPTIONS[command], help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as ParsedArgs;
  } catch (err) {
    throw new UsageError((err as Error).message, command);
  }
}

function positiveInteger(
  name: string,
  value: string | undefined,
  command: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${name} expects a whole number ≥ 1, got "${value}"`, command);
  }
  return Number(value);
}

async function run(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_USAGE);
    return command ? 0 : EXIT_USAGE;
  }
  if (!(command in COMMAND_OPTIONS)) throw new UsageError(`unknown command "${command}"`);
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    io.out(USAGE[command] ?? MAIN_USAGE);
    return 0;
  }
  const expectedPositionals = command === 'classify' ? 1 : 0;
  if (positionals.length !== expectedPositionals) {
    throw new UsageError(
      expectedPositionals === 1
        ? 'classify needs exactly one <file-or-url>'
        : `unexpected argument "${positionals[0]}"`,
      command,
    );
  }
  const maxPosts = positiveInteger('max', values.max as string | undefined, command);
  // Needs no configuration: it must answer even when the environment is broken.
  if (command === 'healthcheck') return heartbeatIsFresh(new Date()) ? 0 : 1;
  // classify opens no store: a STORE_URL it would never use must not stop it.
  const config: Config = loadConfig(
    command === 'classify' ? { ...env, STORE_URL: undefined } : env,
  );

  switch (command) {
    case 'poll':
    case 'backfill': {
      const app = await openApp(config, undefined, {
        acceptNewStore: Boolean(values['accept-new-store']),
      });
      try {
        if (command === 'poll') return await runPoll(app, Boolean(values.once), io);
        const feeds = values.feed ? [values.feed as string] : config.feedUrls;
        return await runBackfill(app, { maxPosts, feeds }, io, process.stdout);
      } finally {
        await app.close();
      }
    }
    case 'classify':
      return runClassify(
        positionals[0] as string,
        { json: Boolean(values.json) },
        { classify: buildClassifier(config), limits: config.limits },
        io,
      );
    case 'demo':
      return runDemo(
        config,
        {
          fast: Boolean(values.fast),
          web: Boolean(values.web),
          fixturesDir: (values.fixtures as string | undefined) ?? defaultFixturesDir(),
        },
        appLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }, 'stderr'),
        io,
      );
    case 'start':
      return runStart(config, io, { acceptNewStore: Boolean(values['accept-new-store']) });
    case 'serve':
      return runServe(config, io);
    case 'deploy-commands':
      return runDeployCommands(config, values.guild as string | undefined, io);
    case 'export':
    case 'stats': {
      // Parse the options before opening the store, so a bad option costs nothing.
      const exportOptions = command === 'export' ? parseExportOptions(values) : null;
      const statsOptions = command === 'stats' ? parseStatsOptions(values) : null;
      const app = await openApp(config);
      try {
        if (exportOptions) {
          // Streamed from the archive's cursor: the whole archive is never in memory at once.
          const { archive } = app.stores;
          const range = { since: exportOptions.since, until: exportOptions.until };
          const { total } = await archive.search({ query: '', ...range, limit: 1 });
          return await runExport(exportOptions, {
            records: archive.streamIncidents(range),
            total,
            stdout: process.stdout,
            stderr: process.stderr,
          });
        }
        // Only the period's incidents, streamed from the archive's cursor.
        const now = new Date();
        const records = app.stores.archive.streamIncidents(lastDays(statsOptions!.days, now));
        return await runStats(statsOptions!, { records, now: () => now }, io);
      } finally {
        await app.close();
      }
    }
    default:
      return EXIT_USAGE;
  }
}

export interface CliIo extends Output {
  err: (line: string) => void;
}

/** Runs the `jikenbo` command line; resolves the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    return await run(argv, env, io);
  } catch (err) {
    if (err instanceof UsageError) {
      const usage = (err.command && USAGE[err.command]) ?? MAIN_USAGE;
      io.err(`jikenbo: ${err.message}\n\n${usage}`);
      return EXIT_USAGE;
    }
    if (err instanceof CommandInputError) {
      io.err(`jikenbo: ${err.message}`);
      return EXIT_USAGE;
    }
    // A store that cannot be opened or written: one line saying what failed, never a stack.
    if (err instanceof StoreError) {
      io.err(`jikenbo: ${err.message}`);
      return 1;
    }
    if (
      err instanceof ConfigError ||
      err instanceof ClassifyInputError ||
      err instanceof ExportOutputError
    ) {
      io.err(`jikenbo: ${err.message}`);
      return 1;
    }
    io.err(`jikenbo: unexpected error: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
