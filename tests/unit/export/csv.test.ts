import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../../src/export/columns.js';
import { UTF8_BOM, neutraliseFormula, toCsv } from '../../../src/export/csv.js';
import { exportIncidents } from '../../../src/export/exportFormats.js';
import { SAMPLE_RECORDS, collect, incident } from '../../fixtures/export/incidents.js';

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF row ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark so Excel reads the Japanese text as UTF-8', async () => {
    const text = await collect(toCsv(SAMPLE_RECORDS));
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes a header of stable column ids and one CRLF-terminated row per incident', async () => {
    const text = await collect(exportIncidents(SAMPLE_RECORDS, { format: 'csv' }));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'post_id',
      'incident_id',
      'kind',
      'cause',
      'secondary_causes',
      'severity',
      'organization',
      'affected',
      'data_types',
      'disclosed_on',
      'disruption',
      'title',
      'link',
      'published_at',
      'updated_at',
      'feed_url',
      'categories',
      'stored_at',
      'reasons',
    ]);
    // The off-topic post is not an incident: three rows, not four.
    expect(rows.map((r) => r[0])).toEqual(['p1', 'p2', 'p3']);
    expect(rows.every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
  });

  it('keeps every field of a record, lists joined with semicolons', async () => {
    const [, first] = parseCsv((await collect(toCsv(SAMPLE_RECORDS.slice(0, 1)))).slice(1));
    const byId = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.id, first?.[i]]));
    expect(byId).toMatchObject({
      incident_id: '2024-101',
      kind: 'incident',
      cause: 'ransomware',
      secondary_causes: 'unauthorized_access',
      severity: 'critical',
      organization: '株式会社つばめ食品',
      affected: '120000',
      data_types: 'name;address;phone',
      disclosed_on: '2024-01-19',
      disruption: 'true',
      link: 'https://blog.example.test/2024/01/101.html',
      published_at: '2024-01-19T10:00:00+09:00',
    });
    expect(byId.reasons).toBe('kind=incident (test: 事件簿)');
  });

  it('quotes commas, quotes and line breaks inside a field (RFC 4180)', async () => {
    const tricky = incident('q', { title: 'a, "b"\nc' }, {});
    const text = await collect(toCsv([tricky]));
    expect(text).toContain('"a, ""b""\nc"');
    expect(parseCsv(text.slice(1))[1]?.[11]).toBe('a, "b"\nc');
  });

  it('neutralises values a spreadsheet would run as formulas', async () => {
    for (const value of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1']) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
    expect(neutraliseFormula('株式会社=')).toBe('株式会社=');
    const [, , row] = parseCsv((await collect(toCsv(SAMPLE_RECORDS))).slice(1));
    expect(row?.[6]).toBe("'@みなと市役所");
    expect(row?.[11]?.startsWith('【')).toBe(true);
    const formula = incident('f', { title: '=HYPERLINK("http://evil.test")' }, {});
    const [, formulaRow] = parseCsv((await collect(toCsv([formula]))).slice(1));
    expect(formulaRow?.[11]).toBe(`'=HYPERLINK("http://evil.test")`);
  });

  it('exports only the incidents whose day falls between since and until', async () => {
    const text = await collect(
      exportIncidents(SAMPLE_RECORDS, { format: 'csv', since: '2024-01-20', until: '2024-01-31' }),
    );
    expect(parseCsv(text.slice(1)).map((r) => r[0])).toEqual(['post_id', 'p2']);
  });
});
