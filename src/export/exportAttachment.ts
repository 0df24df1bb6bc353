/** An export as one file for a chat attachment, given up as soon as it outgrows the upload limit. */
import { EXPORT_FILE_TYPES, exportIncidents, type ExportOptions } from './exportFormats.js';
import type { RecordSource } from './selectRecords.js';

export type ExportAttachment =
  | { kind: 'file'; fileName: string; mediaType: string; bytes: Buffer; incidents: number }
  | { kind: 'too-large'; maxBytes: number; incidentsRead: number };

/**
 * Collects the export in memory up to `maxBytes` (Discord's upload limit for the server) and
 * stops reading records the moment it would exceed it, so the caller can point to the CLI.
 */
export async function exportAsAttachment(
  source: RecordSource,
  options: Omit<ExportOptions, 'onRecord'> & { maxBytes: number; baseName: string },
): Promise<ExportAttachment> {
  const parts: Buffer[] = [];
  let size = 0;
  let incidents = 0;
  const chunks = exportIncidents(source, { ...options, onRecord: (n) => (incidents = n) });
  for await (const chunk of chunks) {
    const part = Buffer.from(chunk, 'utf8');
    size += part.length;
    if (size > options.maxBytes) {
      await chunks.return(undefined);
      return { kind: 'too-large', maxBytes: options.maxBytes, incidentsRead: incidents };
    }
    parts.push(part);
  }
  const type = EXPORT_FILE_TYPES[options.format];
  return {
    kind: 'file',
    fileName: `${options.baseName}.${type.extension}`,
    mediaType: type.mediaType,
    bytes: Buffer.concat(parts, size),
    incidents,
  };
}
