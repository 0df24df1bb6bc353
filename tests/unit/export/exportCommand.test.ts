import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  CommandInputError,
  ExportOutputError,
  parseExportOptions,
  runExport,
} from '../../../src/cli/exportCommand.js';
import type { StoredPost } from '../../../src/store/postStore.js';
import { SAMPLE_RECORDS, incident } from '../../fixtures/export/incidents.js';

/** A stdout stand-in that keeps what it is given. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

function stderr(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), written };
}

/** How many records the last `manyIncidents` source has handed out. */
let incidentCount = 0;
function* manyIncidents(count: number): Generator<StoredPost> {
  for (let i = 0; i < count; i++) {
    incidentCount += 1;
    yield incident(`m${i}`, {}, {});
  }
}

describe('jikenbo export', () => {
  it('checks its options: format, real dates, since before until', () => {
    expect(
      parseExportOptions({ format: 'stix', since: '2024-01-01', until: '2024-02-29' }),
    ).toEqual({
      format: 'stix',
      since: '2024-01-01',
      until: '2024-02-29',
      out: undefined,
    });
    expect(() => parseExportOptions({})).toThrow(CommandInputError);
    expect(() => parseExportOptions({ format: 'xml' })).toThrow(
      /--format expects one of csv, jsonl, stix/,
    );
    expect(() => parseExportOptions({ format: 'csv', since: '2024-02-30' })).toThrow(
      /--since expects a date/,
    );
    expect(() => parseExportOptions({ format: 'csv', until: '2024-13-01' })).toThrow(/--until/);
    expect(() =>
      parseExportOptions({ format: 'csv', since: '2024-03-01', until: '2024-02-01' }),
    ).toThrow(/after --until/);
  });

  it('writes to standard output by default and reports the count on stderr', async () => {
    const stdout = sink();
    const err = stderr(false);
    const code = await runExport(
      { format: 'jsonl' },
      { records: SAMPLE_RECORDS, stdout, stderr: err },
    );
    expect(code).toBe(0);
    expect(stdout.text().trim().split('\n')).toHaveLength(3);
    expect(err.written).toEqual(['exported 3 incidents to standard output\n']);
  });

  it('waits for a slow reader without piling up listeners on its stream', async () => {
    // A reader that takes one byte at a time: every write waits for 'drain'.
    const slow = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        setImmediate(done);
      },
    });
    const many = Array.from({ length: 40 }, (_, i) =>
      incident(`p${i}`, { title: `記事${i}` }, { kind: 'incident' }),
    );
    const code = await runExport(
      { format: 'jsonl' },
      { records: many, stdout: slow, stderr: stderr(false) },
    );
    expect(code).toBe(0);
    expect(slow.listenerCount('close')).toBe(0);
    expect(slow.listenerCount('drain')).toBe(0);
    expect(slow.listenerCount('error')).toBe(0);
  });

  it('writes --out to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jikenbo-export-')), 'out.csv');
    const stdout = sink();
    await runExport(
      { format: 'csv', out: file },
      { records: SAMPLE_RECORDS, stdout, stderr: stderr(false) },
    );
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF"post_id",')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
    expect(stdout.text()).toBe('');
  });

  it('says which file it could not write', async () => {
    const file = join(tmpdir(), 'no-such-directory-jikenbo', 'out.csv');
    await expect(
      runExport(
        { format: 'csv', out: file },
        { records: SAMPLE_RECORDS, stdout: sink(), stderr: stderr(false) },
      ),
    ).rejects.toThrow(ExportOutputError);
  });

  it('stops quietly when the reader closes the pipe (EPIPE)', async () => {
    let writes = 0;
    const closedPipe = new Writable({
      write(_chunk, _encoding, done) {
        writes += 1;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    incidentCount = 0;
    const code = await runExport(
      { format: 'jsonl' },
      { records: manyIncidents(10_000), stdout: closedPipe, stderr: stderr(false) },
    );
    expect(code).toBe(0);
    expect(writes).toBe(1);
    // It stopped reading records soon after the pipe broke, instead of exporting all of them.
    expect(incidentCount).toBeLessThan(10);
  });

  it('redraws one progress line on a terminal, and writes plain lines otherwise', async () => {
    const tty = stderr(true);
    await runExport(
      { format: 'csv' },
      { records: manyIncidents(120), stdout: sink(), stderr: tty },
    );
    expect(tty.written).toEqual([
      '\r\x1b[Kexporting incidents 50',
      '\r\x1b[Kexporting incidents 100',
      '\r\x1b[Kexported 120 incidents to standard output\n',
    ]);
    const plain = stderr(false);
    await runExport(
      { format: 'jsonl' },
      { records: manyIncidents(10_100), stdout: sink(), stderr: plain },
    );
    expect(plain.written).toEqual([
      'exporting incidents: 5000\n',
      'exporting incidents: 10000\n',
      'exported 10100 incidents to standard output\n',
    ]);
  });

  it('draws a bar with the share done when the records, and so the total, are known', async () => {
    const tty = stderr(true);
    await runExport(
      { format: 'csv' },
      { records: [...manyIncidents(100)], stdout: sink(), stderr: tty },
    );
    expect(tty.written).toEqual([
      '\r\x1b[Kexporting incidents [##########----------]  50% 50/100',
      '\r\x1b[Kexporting incidents [####################] 100% 100/100',
      '\r\x1b[Kexported 100 incidents to standard output\n',
    ]);
  });
});
