/** CSV export (RFC 4180) of classified incidents, one row per post, streamed. */
import type { StoredPost } from '../store/postStore.js';
import { EXPORT_COLUMNS } from './columns.js';
import type { RecordSource } from './selectRecords.js';

/**
 * Excel reads a BOM-less CSV in the system's legacy code page (Shift_JIS on Japanese Windows),
 * which garbles UTF-8 Japanese text; the byte order mark makes it read the file as UTF-8.
 */
export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Neutralises a value a spreadsheet would run as a formula (CSV injection): a leading
 * `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front, so it is shown as text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted always, inner quotes doubled. */
export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',') + CRLF;
}

/** The header row: the columns' stable English ids. */
export function csvHeader(): string {
  return csvRow(EXPORT_COLUMNS.map((column) => column.id));
}

/** One record as a CSV row, in the fixed column order. */
export function csvRecord(record: StoredPost): string {
  return csvRow(EXPORT_COLUMNS.map((column) => neutraliseFormula(column.value(record))));
}

/** The whole CSV document as chunks: the BOM and header first, then one chunk per record. */
export async function* toCsv(records: RecordSource): AsyncGenerator<string> {
  yield UTF8_BOM + csvHeader();
  for await (const record of records) yield csvRecord(record);
}
