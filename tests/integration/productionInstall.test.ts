/**
 * The production install holds no development tooling: the local Discord and
 * the local blog are dev-only workspace packages, `ws` is not a direct
 * dependency of the product, and the Docker image copies none of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  link?: boolean;
  resolved?: string;
}

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(read('package.json')) as LockEntry;

/** Every lock path `npm ci --omit=dev` installs: the closure of the root's dependencies. */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    // npm's lookup: nearest node_modules upwards from the requiring package.
    let base = from;
    for (;;) {
      const path = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[path]) {
        if (seen.has(path)) return;
        seen.add(path);
        const entry = lock.packages[path]!;
        const target = entry.link && entry.resolved ? lock.packages[entry.resolved]! : entry;
        for (const dep of Object.keys({ ...target.dependencies, ...target.optionalDependencies }))
          visit(dep, path);
        return;
      }
      if (!base) return;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut < 0 ? '' : base.slice(0, cut);
    }
  };
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, '');
  return seen;
}

/** The instructions of the Dockerfile's last stage. */
function finalStage(): string[] {
  const stages = read('Dockerfile').split(/^FROM /m);
  return stages[stages.length - 1]!.split('\n');
}

describe('the production install', () => {
  it('installs neither the emulator nor the feed server, and ws only through discord.js', () => {
    const closure = [...productionClosure()];
    expect(closure.length).toBeGreaterThan(20);
    expect(closure.filter((p) => p.includes('@jikenbo/'))).toEqual([]);
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('ws');
    expect(lock.packages['node_modules/@discordjs/ws']?.dependencies).toHaveProperty('ws');
  });

  it('keeps the dev-only packages in devDependencies', () => {
    const dev = Object.keys(
      (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> })
        .devDependencies,
    );
    expect(dev).toEqual(
      expect.arrayContaining(['@jikenbo/discord-emulator', '@jikenbo/feed-server']),
    );
  });
});

describe('the Docker image', () => {
  const copies = finalStage().filter((line) => /^COPY\b/.test(line));

  it('copies no emulator, feed server, benchmarks or sources into the final stage', () => {
    expect(copies.length).toBeGreaterThan(0);
    for (const line of copies) expect(line).not.toMatch(/packages|bench|\bsrc src\b|tests/);
    expect(copies.some((line) => /dist\/src/.test(line))).toBe(true);
    expect(copies.some((line) => /\/app\/dist(\s|$)/.test(line))).toBe(false);
  });

  it('builds on Node 20, drops source maps, compiles native addons once and has a health check', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM .*/gm)!.every((from) => /node:20\b/.test(from))).toBe(true);
    expect(dockerfile).toMatch(/-name '\*\.map' -delete/);
    expect(dockerfile.match(/npm ci/g)).toHaveLength(1);
    expect(finalStage().some((line) => /^HEALTHCHECK\b/.test(line))).toBe(true);
  });
});
