/** One entry point for every export format: records in, text chunks out. */
import { toCsv } from './csv.js';
import { toJsonLines } from './jsonLines.js';
import { incidentsInRange, type DayRange, type RecordSource } from './selectRecords.js';
import { toStixBundle } from './stixBundle.js';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name extension and media type of each format, for attachments and `--out` defaults. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mediaType: string }> = {
  csv: { extension: 'csv', mediaType: 'text/csv; charset=utf-8' },
  jsonl: { extension: 'jsonl', mediaType: 'application/jsonl; charset=utf-8' },
  stix: { extension: 'stix.json', mediaType: 'application/stix+json;version=2.1' },
};

export interface ExportOptions extends DayRange {
  format: ExportFormat;
  /** Called after each incident is read, with the count so far (for progress lines). */
  onRecord?: (count: number) => void;
  bundleUuid?: string;
}

/** The incidents of `source` in the day range, in `format`, as a stream of text chunks. */
export function exportIncidents(
  source: RecordSource,
  options: ExportOptions,
): AsyncGenerator<string> {
  const selected = counted(incidentsInRange(source, options), options.onRecord);
  switch (options.format) {
    case 'csv':
      return toCsv(selected);
    case 'jsonl':
      return toJsonLines(selected);
    case 'stix':
      return toStixBundle(selected, { bundleUuid: options.bundleUuid });
  }
}

async function* counted<T>(items: AsyncIterable<T>, onItem?: (count: number) => void) {
  let count = 0;
  for await (const item of items) {
    count += 1;
    onItem?.(count);
    yield item;
  }
}
