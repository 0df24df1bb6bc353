/**
 * The CJK font cut down to the characters charts draw. resvg shapes every text element against the
 * whole font: with Noto Sans JP (5.4 MB, 17,000 glyphs) that cost ~50–90 ms per label, seconds per
 * chart; against a subset of a few hundred glyphs, under a millisecond, with the same pixels.
 *
 * The subset holds printable ASCII, every word of the charts (label names, titles, axes in both
 * languages) and whatever else a picture asks for: a character outside it widens the subset once.
 * Subsetting (harfbuzz, WebAssembly, in a worker thread) runs once per process, on the first chart.
 */
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartWords } from './statsTexts.js';

const require = createRequire(import.meta.url);

/**
 * Subsetting runs harfbuzz's WebAssembly synchronously for a second or more on a CJK font, so it runs
 * in a worker thread: the bot's event loop (heartbeats, other commands' deadlines) never waits on it.
 * Plain CommonJS, so it runs the same from the TypeScript sources (tests) and the built files.
 */
const SUBSET_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const subsetFont = require(workerData.subsetModule);
Promise.all(workerData.fontFiles.map((file) =>
  subsetFont(readFileSync(file), workerData.text, { targetFormat: 'truetype' })))
  .then((fonts) => parentPort.postMessage(fonts))
  .catch((err) => setImmediate(() => { throw err; }));
`;

function subsetInWorker(fontFiles: readonly string[], text: string): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SUBSET_WORKER, {
      eval: true,
      workerData: { subsetModule: require.resolve('subset-font'), fontFiles, text },
    });
    worker.once('message', (fonts: Uint8Array[]) => {
      resolve(fonts.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`font subset worker exited with ${code}`)));
  });
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** The characters of `text`, each once. */
function charactersOf(text: string): Set<string> {
  return new Set(Array.from(text));
}

interface Subset {
  characters: Set<string>;
  files: Promise<string[]>;
}

let current: Subset | null = null;
let directory: string | null = null;

async function writeSubsets(fontFiles: readonly string[], characters: Set<string>) {
  directory ??= mkdtempSync(join(tmpdir(), 'jikenbo-chart-fonts-'));
  const text = [...characters].sort().join('');
  const key = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const subsets = await subsetInWorker(fontFiles, text);
  return subsets.map((subset, i) => {
    const path = join(directory as string, `${key}-${i}.ttf`);
    writeFileSync(path, subset);
    return path;
  });
}

/**
 * Font files (subsets of `fontFiles`) holding every character of `svg`. Memoised: the same files
 * until a picture needs a character the subset lacks. A failed subset is not kept (the next chart
 * tries again).
 */
export function subsetFontFiles(fontFiles: readonly string[], svg: string): Promise<string[]> {
  const needed = charactersOf(svg);
  if (current && [...needed].every((c) => current?.characters.has(c))) return current.files;
  const characters = charactersOf(PRINTABLE_ASCII + chartWords().join(''));
  for (const c of current?.characters ?? []) characters.add(c);
  for (const c of needed) characters.add(c);
  const subset: Subset = { characters, files: writeSubsets(fontFiles, characters) };
  current = subset;
  subset.files.catch(() => {
    if (current === subset) current = null;
  });
  return subset.files;
}
