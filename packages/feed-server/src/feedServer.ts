/**
 * A local HTTP server that serves a Blogger-shaped Atom feed on 127.0.0.1,
 * with ETag/Last-Modified, gzip and paging, and that can be told to fail.
 * Used by the tests, the offline demo and the benchmarks.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FixtureEntry } from './atomFixtures.js';

export type Fault =
  | { type: 'status'; status: number }
  | { type: 'hang' }
  | { type: 'truncate' }
  | { type: 'malformed' }
  | { type: 'html' }
  | { type: 'oversize'; bytes: number }
  | { type: 'redirect-loop' }
  | { type: 'body'; body: string; contentType?: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export const FEED_PATH = '/feeds/posts/default';

const HEADER =
  `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' ` +
  `xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'><id>tag:blogger.com,1999:blog-local</id>` +
  `<title type='text'>local fixture blog</title>`;

export class FeedServer {
  readonly requests: RecordedRequest[] = [];
  private entries: FixtureEntry[];
  private readonly faults: Fault[] = [];
  private readonly files = new Map<string, { body: string; contentType: string }>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | null = null;
  private lastModified = new Date('2024-01-01T00:00:00Z');

  constructor(entries: FixtureEntry[] = []) {
    this.entries = [...entries];
  }

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get feedUrl(): string {
    return `${this.origin}${FEED_PATH}`;
  }

  /** Adds entries on top of the feed (newest first), as a blog publishing posts. */
  publish(...entries: FixtureEntry[]): void {
    this.entries = [...entries, ...this.entries];
    this.lastModified = new Date(this.lastModified.getTime() + 60_000);
  }

  setEntries(entries: FixtureEntry[]): void {
    this.entries = [...entries];
    this.lastModified = new Date(this.lastModified.getTime() + 60_000);
  }

  /** Serves `body` at `path` (for RSS fixtures and odd documents). */
  serveFile(path: string, body: string, contentType = 'application/xml; charset=UTF-8'): string {
    this.files.set(path, { body, contentType });
    return `${this.origin}${path}`;
  }

  /** The next `times` requests answer with `fault` instead of the feed. */
  failNext(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** One page of the feed, paged like Blogger (1-based start-index, max-results, rel="next"). */
  renderFeed(startIndex: number, maxResults: number): string {
    const page = this.entries.slice(startIndex - 1, startIndex - 1 + maxResults);
    const hasNext = startIndex - 1 + maxResults < this.entries.length;
    const next = hasNext
      ? `<link rel='next' type='application/atom+xml' href='${this.feedUrl}?start-index=${startIndex + maxResults}&amp;max-results=${maxResults}'/>`
      : '';
    return (
      `${HEADER}<updated>${this.lastModified.toISOString()}</updated>${next}` +
      `<openSearch:totalResults>${this.entries.length}</openSearch:totalResults>` +
      `<openSearch:startIndex>${startIndex}</openSearch:startIndex>${page.map((e) => e.xml).join('')}</feed>`
    );
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    this.requests.push({ path: url.pathname + url.search, headers: req.headers });
    const fault = this.faults.shift();
    if (fault) return this.fail(fault, req, res);
    const file = this.files.get(url.pathname);
    if (file) return this.send(req, res, file.body, file.contentType);
    if (url.pathname !== FEED_PATH) return void res.writeHead(404).end('not found');
    const start = Math.max(1, Number(url.searchParams.get('start-index') ?? 1) || 1);
    const max = Math.max(1, Math.min(500, Number(url.searchParams.get('max-results') ?? 25) || 25));
    this.send(req, res, this.renderFeed(start, max), 'application/atom+xml; charset=UTF-8');
  }

  private send(req: IncomingMessage, res: ServerResponse, body: string, contentType: string): void {
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = this.lastModified.toUTCString();
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const headers: Record<string, string> = {
      'content-type': contentType,
      etag,
      'last-modified': lastModified,
    };
    let payload: Buffer = Buffer.from(body, 'utf8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      payload = gzipSync(payload);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(payload);
  }

  private fail(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    const feed = this.renderFeed(1, 25);
    switch (fault.type) {
      case 'status':
        return void res
          .writeHead(fault.status, { 'content-type': 'text/plain' })
          .end(`HTTP ${fault.status}`);
      case 'hang':
        this.hanging.add(res);
        return;
      case 'truncate':
        return void res
          .writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(feed.slice(0, feed.length / 2));
      case 'malformed':
        return void res
          .writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(feed.replace('</feed>', '</entry></feed>'));
      case 'html':
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><p>maintenance</p></body></html>',
          );
      case 'oversize':
        return void res
          .writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(Buffer.alloc(fault.bytes, 0x20));
      case 'redirect-loop':
        return void res.writeHead(302, { location: req.url ?? FEED_PATH }).end();
      case 'body':
        return void res
          .writeHead(200, { 'content-type': fault.contentType ?? 'application/atom+xml' })
          .end(fault.body);
    }
  }
}
