/**
 * One export of a stored SQLite archive to /dev/null, in its own process so its peak memory is its
 * own: `node dist/bench/export/exportWorker.js <sqlite file> <stream|whole> <format>`. `stream` reads
 * through the archive's cursor (what `jikenbo export` does); `whole` reads every post first (what it
 * did before 2026-12-02). Prints one JSON line: incidents, seconds, peak rss.
 */
import { createWriteStream } from 'node:fs';
import { runExport } from '../../src/cli/exportCommand.js';
import type { ExportFormat } from '../../src/export/exportFormats.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';

const [path, mode, format] = process.argv.slice(2) as [string, 'stream' | 'whole', ExportFormat];
const stores = await openSqlStores({ engine: 'sqlite', path }, silentLogger());
const started = process.hrtime.bigint();
let incidents = 0;
await runExport(
  { format, out: '/dev/null' },
  {
    records: mode === 'stream' ? stores.archive.streamIncidents({}) : await stores.posts.all(),
    stdout: process.stdout,
    stderr: {
      write: (line: string) => (incidents = Number(/exported (\d+)/.exec(line)?.[1] ?? incidents)),
    },
    openOut: (file) => createWriteStream(file),
  },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await stores.close();
console.log(
  JSON.stringify({
    mode,
    format,
    incidents,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
