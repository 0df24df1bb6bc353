import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { TEST_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'bin', 'jikenbo.js');

// npm test builds before vitest runs; a bare `vitest run` without a build skips this file.
describe.skipIf(!existsSync(BIN))('the jikenbo binary in a pipe', () => {
  it('exits quietly with 0 when the reader closes the pipe early (| head)', async () => {
    const feed = join(TEST_FEEDS_DIR, 'blogger.atom.xml');
    // The shell pipe itself: a reader that stops after 100 bytes of ~200 KB of output.
    const script = `"${process.execPath}" "${BIN}" classify "${feed}" --json | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(stdout.trim()).toBe('exit=0');
  });
});
