#!/usr/bin/env node
/** Entry point of the `jikenbo` binary. */
import { runCli } from '../cli.js';

// `jikenbo classify feed.xml | head -1`: the reader closing the pipe means it has what it
// wanted. Without a listener the EPIPE is an uncaught error with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  colour: Boolean(process.stdout.isTTY),
});

// `start` bounds its own stop (src/cli/botCommands.ts); a Discord or store call that never
// answers must not then hold the process open: SIGTERM ends it within 10 s, as Docker expects.
if (process.argv[2] === 'start') setTimeout(() => process.exit(), 1500).unref();
