#!/usr/bin/env node
/** Entry point of the `jikenbo` binary. */
import { runCli } from '../cli.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  colour: Boolean(process.stdout.isTTY),
});
