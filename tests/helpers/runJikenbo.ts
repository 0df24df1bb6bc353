import { runCli } from '../../src/cli.js';

/** What one `jikenbo` run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the `jikenbo` command line in-process with a silent log, collecting its output. */
export async function runJikenbo(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { LOG_LEVEL: 'silent', ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l), colour: false },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
