/**
 * `jikenbo demo [--fast] [--web] [--fixtures DIR]`. The demo runs on the local Discord
 * and the local blog, which are development-only workspace packages: the
 * script is imported on demand, so a production install (`npm ci --omit=dev`,
 * the Docker image) runs every other command and says so here in one line.
 */
import { join } from 'node:path';
import type { Config } from '../config/loadConfig.js';
import { projectRoot } from '../config/projectRoot.js';
import type { Logger } from '../log.js';
import type { runDemoScript } from './demoScript.js';
import type { Output } from './pollCommand.js';

export interface DemoOptions {
  /** Publish without pauses and with a looser per-channel rate limit. */
  fast: boolean;
  /** Serve the local Discord's web view and keep running until Ctrl-C. */
  web?: boolean;
  /** Folder of `*.atom.xml` feeds whose posts the local blog publishes. */
  fixturesDir: string;
}

/** Where the demo's feeds are unless `--fixtures` says otherwise. */
/** The demo blog of fictional posts that ships with the project (packages/demo-blog). */
export function defaultFixturesDir(): string {
  return join(projectRoot(), 'packages', 'demo-blog', 'feeds');
}

const DEV_PACKAGES = ['@jikenbo/discord-emulator', '@jikenbo/feed-server'];

/** True when `err` says one of the dev-only packages is not installed. */
export function isMissingDevPackage(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    e?.code === 'ERR_MODULE_NOT_FOUND' && DEV_PACKAGES.some((name) => e.message?.includes(name))
  );
}

/** Runs the demo, or explains in one line that it needs the development install. */
export async function runDemo(
  config: Config,
  options: DemoOptions,
  log: Logger,
  io: Output,
): Promise<number> {
  let script: { runDemoScript: typeof runDemoScript };
  try {
    script = await import('./demoScript.js');
  } catch (err) {
    if (!isMissingDevPackage(err)) throw err;
    io.out(
      'jikenbo demo needs the development install (npm ci, not --omit=dev): its local Discord and blog are dev-only packages',
    );
    return 1;
  }
  return script.runDemoScript(config, options, log, io);
}
