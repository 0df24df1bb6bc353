/**
 * Prints one line per run when suites marked by
 * `describeWithCorpus` were skipped. A reporter runs in vitest's main
 * process, so the line appears once however many forks ran the files; a
 * `console.log` in the test files would print once per file instead.
 */
import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/** The line printed once per run when `files` test files were skipped for want of the corpus. */
export function corpusSkipLine(files: number): string {
  const what = files === 1 ? '1 test file needs' : `${files} test files need`;
  return `skipped: ${what} the real-post corpus (../shared/fixtures); clone the project next to shared/ to run them`;
}

function skippedForCorpus(suite: TestModule | TestSuite): boolean {
  for (const child of suite.children) {
    if (child.type !== 'suite') continue;
    if (child.meta().needsCorpus && child.state() === 'skipped') return true;
    if (skippedForCorpus(child)) return true;
  }
  return false;
}

export default class CorpusSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.filter(skippedForCorpus).length;
    if (files > 0) process.stdout.write(`\n${corpusSkipLine(files)}\n`);
  }
}
