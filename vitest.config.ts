import { defineConfig } from 'vitest/config';
import CorpusSkipReporter from './tests/helpers/corpusSkipReporter.js';
import SummaryReporter from './tests/summaryReporter.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', new CorpusSkipReporter(), new SummaryReporter()],
  },
});
