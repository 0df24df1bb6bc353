/**
 * Request body reading: JSON, or multipart/form-data with a payload_json part. Files are kept
 * and described in the payload's `attachments` (filename, size, content type, and the bytes as
 * base64 in `data_base64`, an emulator-only field) so tests can check what a user would download.
 */
import type { IncomingMessage } from 'node:http';

export interface ParsedBody {
  json: Record<string, unknown> | null;
  files: number;
  multipart: boolean;
}

interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Fills each `attachments` entry of the payload (top level or under `data`) from its `files[n]` part. */
function describeAttachments(json: Record<string, unknown> | null, parts: FilePart[]): void {
  if (!json || parts.length === 0) return;
  const holder = (json.data ?? json) as Record<string, unknown>;
  const listed = Array.isArray(holder.attachments)
    ? (holder.attachments as Array<Record<string, unknown>>)
    : [];
  holder.attachments = parts.map((part, index) => {
    const id = /^files\[(\d+)\]$/.exec(part.field)?.[1] ?? String(index);
    const entry = listed.find((a) => String(a.id) === id) ?? { id };
    return {
      ...entry,
      filename: part.filename,
      size: part.data.length,
      content_type: part.contentType,
      data_base64: part.data.toString('base64'),
    };
  });
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { json: null, files: 0, multipart: false };
  const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2];
  if (!boundary) return { json: JSON.parse(raw.toString('utf8')), files: 0, multipart: false };
  let json: Record<string, unknown> | null = null;
  const parts: FilePart[] = [];
  for (const part of raw.toString('latin1').split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    if (name === 'payload_json') json = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
    else if (/filename=/i.test(headers))
      parts.push({
        field: name ?? '',
        filename: /filename="([^"]*)"/i.exec(headers)?.[1] ?? 'file',
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream',
        data: Buffer.from(content, 'latin1'),
      });
  }
  describeAttachments(json, parts);
  return { json, files: parts.length, multipart: true };
}
