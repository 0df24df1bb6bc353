import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import CorpusSkipReporter from './tests/helpers/corpusSkipReporter.js';
import SummaryReporter from './tests/summaryReporter.js';

/** The dev-only workspace packages run from their TypeScript sources, so tests need no build. */
const workspaceSource = (name: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@jikenbo/discord-emulator': workspaceSource('discord-emulator'),
      '@jikenbo/feed-server': workspaceSource('feed-server'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', new CorpusSkipReporter(), new SummaryReporter()],
  },
});
