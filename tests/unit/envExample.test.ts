/**
 * `.env.example` copied to `.env` works as it is: read the way Node reads an
 * env file, or sourced by a POSIX shell, it validates, and its empty
 * variables mean "unset" (JIKENBO_CONFIG_DIR= is the package's config/, not
 * the working directory).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { CONFIG_DIR, PROJECT_ROOT } from '../helpers/paths.js';

const EXAMPLE = join(PROJECT_ROOT, '.env.example');

function expectDefaults(env: NodeJS.ProcessEnv) {
  const config = loadConfig(env);
  expect(config.configDir).toBe(CONFIG_DIR);
  expect(config.pollSchedule).toBe('*/10 * * * *');
  expect(config.store).toEqual({ kind: 'sqlite', path: 'data/jikenbo.sqlite' });
  expect(config.discord.token).toBeNull();
}

describe('.env.example', () => {
  it('validates as an env file read by Node (node --env-file)', () => {
    const env = parseEnv(readFileSync(EXAMPLE, 'utf8'));
    expect(env.JIKENBO_CONFIG_DIR).toBe('');
    expectDefaults(env);
  });

  it('can be sourced by a shell, and the sourced environment validates', () => {
    const printed = execFileSync(
      'sh',
      [
        '-c',
        `set -a; . "$1"; set +a; node -e 'process.stdout.write(JSON.stringify(process.env))'`,
        'sh',
        EXAMPLE,
      ],
      { cwd: '/', env: { PATH: process.env.PATH } },
    ).toString();
    const env = JSON.parse(printed) as NodeJS.ProcessEnv;
    expect(env.POLL_SCHEDULE).toBe('*/10 * * * *');
    expectDefaults(env);
  });

  it('takes an empty JIKENBO_CONFIG_DIR as unset, a set one as the folder', () => {
    expect(loadConfig({ JIKENBO_CONFIG_DIR: '' }).configDir).toBe(CONFIG_DIR);
    expect(() => loadConfig({ JIKENBO_CONFIG_DIR: '/nonexistent-jikenbo' })).toThrow(
      /nonexistent-jikenbo/,
    );
  });
});
