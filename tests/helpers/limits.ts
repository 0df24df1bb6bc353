import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { limitsSchema, type Limits } from '../../src/config/limits.js';
import { CONFIG_DIR } from './paths.js';

/** The shipped limits, with a short fetch timeout so failure tests finish quickly. */
export function testLimits(overrides: { timeoutMs?: number; maxBodyBytes?: number } = {}): Limits {
  const limits = limitsSchema.parse(
    JSON.parse(readFileSync(join(CONFIG_DIR, 'limits.json'), 'utf8')),
  );
  return { ...limits, fetch: { ...limits.fetch, timeoutMs: 1_000, ...overrides } };
}
