import { describe, expect, it } from 'vitest';
import { exportAsAttachment } from '../../../src/export/exportAttachment.js';
import type { StoredPost } from '../../../src/store/postStore.js';
import { SAMPLE_RECORDS, incident } from '../../fixtures/export/incidents.js';

describe('exportAsAttachment', () => {
  it('returns the whole export as a named file when it fits', async () => {
    const result = await exportAsAttachment(SAMPLE_RECORDS, {
      format: 'csv',
      maxBytes: 1_000_000,
      baseName: 'jikenbo-2024-01',
    });
    expect(result).toMatchObject({ kind: 'file', fileName: 'jikenbo-2024-01.csv', incidents: 3 });
    if (result.kind !== 'file') return;
    expect(result.mediaType).toBe('text/csv; charset=utf-8');
    expect(result.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result.bytes.toString('utf8')).toContain('株式会社つばめ食品');
  });

  it('stops reading records as soon as the file would pass the upload limit', async () => {
    let handedOut = 0;
    function* endless(): Generator<StoredPost> {
      for (let i = 0; ; i++) {
        handedOut += 1;
        yield incident(`e${i}`, {}, {});
      }
    }
    const result = await exportAsAttachment(endless(), {
      format: 'jsonl',
      maxBytes: 10_000,
      baseName: 'x',
    });
    expect(result.kind).toBe('too-large');
    if (result.kind !== 'too-large') return;
    // Each JSON line is about 500 bytes: the limit is passed after about twenty records.
    expect(result.incidentsRead).toBeGreaterThan(5);
    expect(result.incidentsRead).toBeLessThan(30);
    expect(handedOut).toBe(result.incidentsRead);
  });
});
