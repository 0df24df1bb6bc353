import { describe, expect, it } from 'vitest';
import {
  backfillProgressPrinter,
  createProgress,
  progressBar,
  progressText,
} from '../../../src/cli/progress.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), written };
};

describe('progress of long work', () => {
  it('draws a bar of the share done', () => {
    expect(progressBar(0, 10)).toBe('[--------------------]   0%');
    expect(progressBar(3, 10, 10)).toBe('[###-------]  30%');
    expect(progressBar(12, 10, 4)).toBe('[####] 100%');
    expect(progressText(6, 20, true)).toBe('[######--------------]  30% 6/20');
    expect(progressText(6, 20, false)).toBe('[6/20]');
  });

  it('redraws one line on a terminal and ends on a clean line', () => {
    const tty = stream(true);
    const p = createProgress(tty, { label: 'work', total: 4, ttyEvery: 2 });
    for (let i = 1; i <= 4; i++) p.update(i, 'x');
    p.finish('done');
    expect(tty.written).toEqual([
      '\r\x1b[Kwork [##########----------]  50% 2/4 x',
      '\r\x1b[Kwork [####################] 100% 4/4 x',
      '\r\x1b[Kdone\n',
    ]);
  });

  it('writes plain lines, never control characters, off a terminal', () => {
    const plain = stream(false);
    const p = createProgress(plain, { label: 'work', plainEvery: 2 });
    for (let i = 1; i <= 5; i++) p.update(i);
    p.finish('done');
    expect(plain.written).toEqual(['work: 2\n', 'work: 4\n', 'done\n']);
  });

  it('prints a backfill page per line off a terminal and redraws it on one', () => {
    const lines: string[] = [];
    const plain = backfillProgressPrinter('F', (l) => lines.push(l), stream(false));
    plain.onProgress({ page: 1, entries: 25, stored: 25 });
    plain.done();
    expect(lines).toEqual(['F: page 1, 25 entries read, 25 newly stored']);
    const tty = stream(true);
    const drawn = backfillProgressPrinter('F', (l) => lines.push(l), tty);
    drawn.onProgress({ page: 1, entries: 25, stored: 25 });
    drawn.onProgress({ page: 2, entries: 40, stored: 40 });
    drawn.done();
    expect(tty.written).toEqual([
      '\r\x1b[KF: page 1, 25 entries read, 25 newly stored',
      '\r\x1b[KF: page 2, 40 entries read, 40 newly stored',
      '\r\x1b[K',
    ]);
    expect(lines).toHaveLength(1);
  });
});
