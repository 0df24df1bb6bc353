/**
 * Fetches a feed document over HTTP(S) politely: conditional GET, a timeout,
 * a maximum body size, gzip, a bounded number of redirects and a User-Agent.
 */
export interface FetchLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** Validators remembered from the last successful fetch. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; validators: Validators; finalUrl: string };

export type FetchFailureReason = 'network' | 'timeout' | 'http-status' | 'oversize' | 'redirects';

/** A fetch that produced no usable document; `reason` says which kind of failure. */
export class FeedFetchError extends Error {
  constructor(
    readonly reason: FetchFailureReason,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

const ACCEPT =
  'application/atom+xml, application/rss+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.7, */*;q=0.1';

function charsetOf(contentType: string | null): string {
  const match = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  let charset = charsetOf(contentType);
  if (!contentType || !/charset/i.test(contentType)) {
    // No charset header: honour the XML declaration (Japanese feeds may be Shift_JIS or EUC-JP).
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    charset = /encoding=["']([\w-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new FeedFetchError(
      'oversize',
      `body of ${declared} bytes exceeds the limit of ${maxBytes}`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        throw new FeedFetchError('oversize', `body exceeds the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * GETs `url`, sending `validators` as If-None-Match / If-Modified-Since.
 * Resolves `not-modified` on 304; throws FeedFetchError on every failure.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  limits: FetchLimits,
): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const headers: Record<string, string> = {
        'user-agent': limits.userAgent,
        accept: ACCEPT,
        'accept-encoding': 'gzip, deflate',
      };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location)
          throw new FeedFetchError(
            'http-status',
            `HTTP ${response.status} without Location`,
            response.status,
          );
        if (redirects >= limits.maxRedirects) {
          throw new FeedFetchError('redirects', `more than ${limits.maxRedirects} redirects`);
        }
        current = new URL(location, current).toString();
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 'not-modified' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FeedFetchError(
          'http-status',
          `HTTP ${response.status} ${response.statusText}`.trim(),
          response.status,
        );
      }
      const bytes = await readLimited(response, limits.maxBodyBytes);
      return {
        status: 'ok',
        body: decode(bytes, response.headers.get('content-type')),
        validators: {
          etag: response.headers.get('etag'),
          lastModified: response.headers.get('last-modified'),
        },
        finalUrl: current,
      };
    }
  } catch (err) {
    if (err instanceof FeedFetchError) throw err;
    const error = err as Error & { cause?: Error };
    if (error.name === 'TimeoutError' || error.name === 'AbortError' || signal.aborted) {
      throw new FeedFetchError('timeout', `no complete answer within ${limits.timeoutMs} ms`);
    }
    const detail = error.cause?.message ?? error.message;
    throw new FeedFetchError('network', `network error: ${detail}`);
  }
}
