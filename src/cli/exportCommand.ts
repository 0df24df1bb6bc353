/** `jikenbo export --format csv|jsonl|stix [--since D] [--until D] [--out FILE]`: stream incidents out. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { EXPORT_FORMATS, exportIncidents, type ExportFormat } from '../export/exportFormats.js';
import { isIncidentInRange, type RecordSource } from '../export/selectRecords.js';
import type { StoredPost } from '../store/postStore.js';
import { createProgress } from './progress.js';

/** A bad option value: the command prints the message and its usage, and exits 2. */
export class CommandInputError extends Error {}

/** The output file could not be written: the command prints the message and exits 1. */
export class ExportOutputError extends Error {}

export const EXPORT_USAGE = `Usage: jikenbo export --format csv|jsonl|stix [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--out FILE]

Writes the stored incidents (kinds incident and incident_update) whose disclosure day lies
between --since and --until (inclusive; open when left out), newest first.
  --format csv    one row per incident, UTF-8 with BOM, CRLF (opens in Excel)
  --format jsonl  one JSON object per line, every field and the post's link
  --format stix   a STIX 2.1 bundle: an identity per victim organisation, a report per post
  --out FILE      write to FILE instead of standard output`;

/** parseArgs options of the command. */
export const EXPORT_OPTIONS = {
  format: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  out: { type: 'string' },
} as const;

export interface ExportCommandOptions {
  format: ExportFormat;
  since?: string;
  until?: string;
  out?: string;
}

/** A real calendar day in YYYY-MM-DD, or a CommandInputError naming the option. */
export function parseDay(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  // The round trip rejects days that do not exist, such as 2024-02-30.
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value;
  if (!valid) throw new CommandInputError(`--${name} expects a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Checks the parsed option values of `jikenbo export`. */
export function parseExportOptions(
  values: Record<string, string | boolean | undefined>,
): ExportCommandOptions {
  const format = values.format;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CommandInputError(
      `--format expects one of ${EXPORT_FORMATS.join(', ')}, got ${format === undefined ? 'nothing' : `"${String(format)}"`}`,
    );
  }
  const since = parseDay('since', values.since as string | undefined);
  const until = parseDay('until', values.until as string | undefined);
  if (since && until && since > until) {
    throw new CommandInputError(`--since ${since} is after --until ${until}`);
  }
  return { format: format as ExportFormat, since, until, out: values.out as string | undefined };
}

/** Where progress goes: standard error, redrawn in place on a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ExportCommandDeps {
  /** The stored posts to export from; only incidents in the range are written. */
  records: RecordSource;
  /** How many incidents the range holds, when the source knows it (a progress bar's 100 %). */
  total?: number | null;
  /** Standard output, used when there is no --out. */
  stdout: Writable;
  stderr: ProgressSink;
  /** Opens --out for writing (a file stream by default). */
  openOut?: (path: string) => Writable;
}

const TTY_EVERY = 50;
const PLAIN_EVERY = 5000;

/**
 * Progress on standard error: a bar redrawn every 50 incidents on a terminal (with a
 * percentage when the total is known), a plain line every 5,000 otherwise (a log stays short).
 */
export function exportProgress(stderr: ProgressSink, total: number | null = null) {
  const progress = createProgress(stderr, {
    label: 'exporting incidents',
    total,
    ttyEvery: TTY_EVERY,
    plainEvery: PLAIN_EVERY,
  });
  return {
    onRecord: (count: number) => progress.update(count),
    done: (count: number, where: string) =>
      progress.finish(`exported ${count} incidents to ${where}`),
  };
}

/**
 * Waits until `out` drains or closes, then removes both listeners: a race of two bare `once` calls
 * left the loser's listener on the stream at every wait (thousands on a large export).
 */
async function drainedOrClosed(out: Writable): Promise<void> {
  const stop = new AbortController();
  const event = (name: string) =>
    once(out, name, { signal: stop.signal }).catch((err: unknown) => {
      if ((err as Error).name !== 'AbortError') throw err;
    });
  try {
    await Promise.race([event('drain'), event('close')]);
  } finally {
    stop.abort();
  }
}

/** Writes chunks with back-pressure; rejects with the stream's first error. */
async function writeAll(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  let failure: Error | null = null;
  const onError = (err: Error) => (failure ??= err);
  out.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      if (!out.write(chunk)) await drainedOrClosed(out);
    }
    if (failure) throw failure;
  } finally {
    out.off('error', onError);
  }
}

const isBrokenPipe = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'EPIPE';

/** Runs the export; resolves the exit code (0, or 0 quietly when the reader closed the pipe). */
export async function runExport(
  options: ExportCommandOptions,
  deps: ExportCommandDeps,
): Promise<number> {
  let count = 0;
  // With the records in memory the total is known up front, and the terminal shows a bar.
  const total =
    deps.total ??
    (Array.isArray(deps.records)
      ? (deps.records as StoredPost[]).filter((r) => isIncidentInRange(r, options)).length
      : null);
  const progress = exportProgress(deps.stderr, total);
  const chunks = exportIncidents(deps.records, {
    format: options.format,
    since: options.since,
    until: options.until,
    onRecord: (n) => {
      count = n;
      progress.onRecord(n);
    },
  });
  const out = options.out
    ? (deps.openOut ?? ((path: string) => createWriteStream(path)))(options.out)
    : deps.stdout;
  try {
    await writeAll(chunks, out);
    if (options.out) {
      out.end();
      await once(out, 'finish');
    }
  } catch (err) {
    // `jikenbo export … | head`: the reader has what it wanted; not an error.
    if (isBrokenPipe(err)) return 0;
    if (options.out && (err as NodeJS.ErrnoException).code) {
      throw new ExportOutputError(`cannot write ${options.out}: ${(err as Error).message}`);
    }
    throw err;
  }
  progress.done(count, options.out ?? 'standard output');
  return 0;
}
