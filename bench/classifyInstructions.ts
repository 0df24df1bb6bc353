/**
 * Instructions per post, counted by valgrind (callgrind), for the classifier and for the
 * floor (HTML-to-text + NFKC): figures that a loaded machine does not change, unlike
 * time. Each side runs twice, once with only the warm-up rounds and once with the
 * measured rounds after them; the difference, divided by the posts classified in the
 * measured rounds, is the steady cost per post (start-up, loading the rules and warming
 * up cancel out). Only the main thread's instructions count, as only its time counts in
 * `npm run bench`: the optimising compiler keeps its own thread (it re-optimises after
 * each deoptimisation, long after warm-up), the garbage collector is kept on the main
 * thread (`--single-threaded-gc`), where its work is part of each post's cost.
 *
 *   npm run build && node dist/bench/classifyInstructions.js [warm-up rounds] [rounds]
 *
 * Needs valgrind on the PATH; takes a few minutes (callgrind runs node ~50x slower).
 * `node --cpu-prof dist/bench/classifyWork.js classify 40 1000` profiles the same work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableCorpora, corpus, corpusLabel, type CorpusName } from './classify.js';

const workScript = fileURLToPath(new URL('./classifyWork.js', import.meta.url));

/** Instructions callgrind counted for one run of the work script. */
function instructions(mode: string, warm: number, rounds: number, corpusName: CorpusName): number {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-callgrind-'));
  try {
    const out = join(dir, 'callgrind.out');
    execFileSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--separate-threads=yes',
        `--callgrind-out-file=${out}`,
        'node',
        '--single-threaded-gc',
        workScript,
        mode,
        String(warm),
        String(rounds),
        corpusName,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    // One file per thread; the main thread's is the first.
    const main = `${out}-01`;
    const totals = /^(?:summary|totals): (\d+)/m.exec(readFileSync(main, 'utf8'));
    if (!totals) throw new Error(`no instruction total in ${main}`);
    return Number(totals[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Instructions per post on every corpus this checkout has (the dev posts where ../shared is there, and the demo blog's). */
export async function runInstructionCount(warm = 40, rounds = 30): Promise<string[]> {
  const lines: string[] = [];
  for (const name of availableCorpora()) {
    const posts = (await corpus(name)).length;
    const perPost = (mode: string) =>
      (instructions(mode, warm, rounds, name) - instructions(mode, warm, 0, name)) /
      (rounds * posts);
    const floor = perPost('floor');
    const classify = perPost('classify');
    const k = (n: number) => `${(n / 1000).toFixed(1)} k`;
    lines.push(
      `instructions per post, ${corpusLabel(name, posts)} (callgrind, ${rounds} rounds after ${warm} warm-up rounds, node --single-threaded-gc, main thread)`,
      `  ${name}: classify (HTML in): ${k(classify)}  floor (HTML-to-text + NFKC): ${k(floor)}  ratio ${(classify / floor).toFixed(2)}x`,
    );
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [warm, rounds] = process.argv.slice(2).map(Number);
  for (const line of await runInstructionCount(warm || 40, rounds || 30)) console.log(line);
}
