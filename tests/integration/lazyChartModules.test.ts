/**
 * The chart renderer (ECharts + resvg, about 30 MB of a process's memory) loads only when a chart
 * is drawn: a `jikenbo` process that loaded the CLI, `start`, `serve` and every command file has
 * not loaded it, and the first chart asked for loads it. Runs the built files in a fresh Node
 * process (a test worker's module cache is shared with other tests); skipped with a line saying so
 * when dist/ is missing. resvg is the witness: only src/charts/renderStatsChart.ts imports it (and
 * ECharts), and as a CommonJS package it shows in require.cache once loaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';

const DIST = join(PROJECT_ROOT, 'dist');
const built = existsSync(join(DIST, 'src', 'cli.js'));
if (!built) console.warn(`lazy chart modules test skipped: ${DIST} is missing (run npm run build)`);

const SCRIPT = `
import { createRequire } from 'node:module';
const cjs = createRequire(${JSON.stringify(join(DIST, 'src', 'cli.js'))});
const resvg = cjs.resolve('@resvg/resvg-js');
const loaded = () => resvg in cjs.cache;
const at = (file) => import(${JSON.stringify(`${DIST}/`)} + file);
await at('src/cli.js');
await at('src/app/startBot.js');
await at('src/app/serve.js');
await (await at('src/discord/loadCommands.js')).loadCommands();
const afterLoad = loaded();
const { statsSeries, lastDays } = await at('src/charts/statsSeries.js');
const { renderStatsPngLazily } = await at('src/charts/statsReply.js');
const series = statsSeries([], { by: 'cause', bucket: 'week', ...lastDays(30, new Date()) });
const png = await renderStatsPngLazily(series, 'en');
console.log(JSON.stringify({ afterLoad, afterChart: loaded(), png: png.subarray(1, 4).toString() }));
`;

describe.skipIf(!built)('the chart renderer loads lazily', () => {
  it('is not loaded by the CLI, start, serve or the command files, and is by the first chart', () => {
    // A file, not `--input-type=module -e`: that flag would pass to the font worker's eval'd CJS code.
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-lazy-'));
    const script = join(dir, 'probe.mjs');
    writeFileSync(script, SCRIPT);
    let out: string;
    try {
      out = execFileSync(process.execPath, [script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({
      afterLoad: false,
      afterChart: true,
      png: 'PNG',
    });
    // Drawing loads the fonts and shapes the text: seconds on a loaded machine.
  }, 60_000);
});
