/** `npm run bench`: runs every benchmark and prints its figures. */
import { runClassifyBench } from './classify.js';
import { runPollTickBench } from './pollTick.js';
import { runCommandLatencyBench, runFanOutBench } from './botBenches.js';
import { runMemoryBench } from './memory.js';
import { runArchiveBench } from './archive.js';
import { runStoryBench } from './storyBench.js';
import { runChartRenderBench } from './chartRender.js';
import { runExportBench } from './export/exportBench.js';
import { runBackfillBench, runSqliteCommandBench } from './storeBenches.js';
import {
  runFailoverBench,
  runMultiProcessFanOutBench,
  runStartFanOutBench,
} from './multiProcess/benches.js';
import { imageNodeOptions, runGatewayMemoryBench, runServeMemoryBench } from './processMemory.js';

// Memory first: it measures this process's resident size, which earlier benches would inflate.
const benches: Array<[string, () => Promise<string[]>]> = [
  ['memory', runMemoryBench],
  ['classify', runClassifyBench],
  ['poll tick', runPollTickBench],
  ['commands', () => runCommandLatencyBench()],
  ['fan-out', () => runFanOutBench()],
  ['archive', () => runArchiveBench()],
  ['story', () => runStoryBench()],
  ['chart', () => runChartRenderBench()],
  ['sqlite commands', () => runSqliteCommandBench()],
  ['backfill', () => runBackfillBench()],
  ['export', () => runExportBench()],
  ['multi-process fan-out', () => runMultiProcessFanOutBench()],
  ['multi-process fan-out, jikenbo start', () => runStartFanOutBench()],
  ['multi-process failover', () => runFailoverBench()],
  [
    'memory, jikenbo serve',
    async () => [
      ...(await runServeMemoryBench(10_000, 0, 'sqlite')),
      ...(await runServeMemoryBench(10_000, 0, 'sqlite', imageNodeOptions())),
      ...(await runServeMemoryBench(10_000, 10_000, 'sqlite', imageNodeOptions())),
      ...(await runServeMemoryBench(10_000, 0, 'memory', imageNodeOptions())),
    ],
  ],
  [
    'memory, jikenbo start',
    async () => [
      ...(await runGatewayMemoryBench(2_500, 300)),
      ...(await runGatewayMemoryBench(2_500, 300, imageNodeOptions())),
    ],
  ],
];

const only = process.argv[2];
console.log(
  `jikenbo benchmarks — ${new Date().toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`,
);
for (const [name, run] of benches) {
  if (only && !name.includes(only)) continue;
  for (const line of await run()) console.log(line);
}
