import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';
import { runJikenbo } from '../helpers/runJikenbo.js';

describe('jikenbo classify <source>', () => {
  it('says an unsupported scheme is unsupported, not that the file is missing', async () => {
    const run = await runJikenbo(['classify', 'ftp://feeds.example/atom.xml']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/ftp:\/\/ is not supported/);
    expect(run.err).not.toMatch(/no such file/);
  });

  it('reads a file:// URL as the file it names', async () => {
    const url = pathToFileURL(join(TEST_FEEDS_DIR, 'blogger.atom.xml')).href;
    const run = await runJikenbo(['classify', url, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).length).toBeGreaterThan(0);
  });
});
