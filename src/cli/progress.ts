/**
 * Progress of long work (backfill, export, the demo): a bar redrawn in place on a
 * terminal, plain lines otherwise (a log or a pipe gets a short, greppable record).
 */

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const CLEAR_LINE = '\r\x1b[K';

/** `[########------------]  40%` for `done` of `total`. */
export function progressBar(done: number, total: number, width = 20): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}%`;
}

/** `done/total` as the demo and the export show it: a bar on a terminal, `[done/total]` otherwise. */
export function progressText(done: number, total: number, tty: boolean): string {
  return tty ? `${progressBar(done, total)} ${done}/${total}` : `[${done}/${total}]`;
}

export interface ProgressOptions {
  /** What is counted, e.g. "exporting incidents". */
  label: string;
  /** How many there will be, when known: the terminal shows a bar. */
  total?: number | null;
  /** Redraw the terminal line every this many items (default 1). */
  ttyEvery?: number;
  /** Print a plain line every this many items (default 1). */
  plainEvery?: number;
}

export interface Progress {
  /** `done` items so far, with an optional detail for the line. */
  update(done: number, detail?: string): void;
  /** The closing line (clears the bar first on a terminal). */
  finish(line: string): void;
}

/** A progress printer on `stream`. */
export function createProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  const tty = Boolean(stream.isTTY);
  const every = Math.max(1, (tty ? options.ttyEvery : options.plainEvery) ?? 1);
  const total = options.total ?? null;
  let drawn = false;
  return {
    update(done, detail) {
      // A terminal also draws the full bar; a plain log leaves the last count to `finish`.
      if (done % every !== 0 && !(tty && done === total)) return;
      const count = total !== null ? `${done}/${total}` : String(done);
      const tail = detail ? ` ${detail}` : '';
      if (tty) {
        const bar = total !== null ? ` ${progressBar(done, total)}` : '';
        stream.write(`${CLEAR_LINE}${options.label}${bar} ${count}${tail}`);
        drawn = true;
      } else stream.write(`${options.label}: ${count}${tail}\n`);
    },
    finish(line) {
      stream.write(`${tty && drawn ? CLEAR_LINE : ''}${line}\n`);
    },
  };
}

/** What a backfill reports after each page (the core's BackfillProgress). */
export interface BackfillPage {
  page: number;
  entries: number;
  stored: number;
}

/**
 * The backfill's per-page progress for `feedUrl`: one line per page off a terminal (the
 * format scripts and tests read), a line redrawn in place on one. Call `done()` before
 * printing the summary so the summary does not land on the redrawn line.
 */
export function backfillProgressPrinter(
  feedUrl: string,
  out: (line: string) => void,
  stream?: ProgressStream,
) {
  const line = (p: BackfillPage) =>
    `${feedUrl}: page ${p.page}, ${p.entries} entries read, ${p.stored} newly stored`;
  let drawn = false;
  return {
    onProgress(p: BackfillPage) {
      if (stream?.isTTY) {
        stream.write(`${CLEAR_LINE}${line(p)}`);
        drawn = true;
      } else out(line(p));
    },
    done() {
      if (drawn) stream?.write(CLEAR_LINE);
    },
  };
}
