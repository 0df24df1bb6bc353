/** Request body reading: JSON, or multipart/form-data with a payload_json part (files are counted, not kept). */
import type { IncomingMessage } from 'node:http';

export interface ParsedBody {
  json: Record<string, unknown> | null;
  files: number;
  multipart: boolean;
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
  let files = 0;
  for (const part of raw.toString('latin1').split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    if (name === 'payload_json') json = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
    else if (/filename=/i.test(headers)) files++;
  }
  return { json, files, multipart: true };
}
