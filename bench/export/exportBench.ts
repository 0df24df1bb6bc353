/**
 * `jikenbo export` of 50,000 stored posts (issue 13: large exports stream): time and peak memory of
 * one export process reading through the archive's cursor, beside one that reads every post first,
 * in the same minutes. Synthetic posts with fictional names (bench/archive.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import { syntheticPost } from '../archive.js';

const WORKER = fileURLToPath(new URL('./exportWorker.js', import.meta.url));
const PAGE = 500;

export async function runExportBench(count = 50_000): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-export-bench-'));
  const path = join(dir, 'archive.sqlite');
  try {
    const stores = await openSqlStores({ engine: 'sqlite', path }, silentLogger());
    for (let i = 0; i < count; i += PAGE) {
      await stores.posts.put(
        Array.from({ length: Math.min(PAGE, count - i) }, (_, k) => syntheticPost(i + k)),
      );
    }
    await stores.close();
    const out: string[] = [];
    for (const format of ['jsonl', 'stix'] as const) {
      for (const mode of ['stream', 'whole'] as const) {
        const line = execFileSync(process.execPath, [WORKER, path, mode, format], {
          encoding: 'utf8',
        });
        const r = JSON.parse(line.trim().split('\n').at(-1) as string) as {
          incidents: number;
          seconds: number;
          peakRssMb: number;
        };
        out.push(
          `export ${format} of ${count} posts (${mode === 'stream' ? 'cursor' : 'every post read first'}): ` +
            `${r.incidents} incidents, ${r.seconds.toFixed(2)} s, peak rss ${r.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
