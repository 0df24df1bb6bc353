/**
 * Discord-like rate limits: a global limit per bot (interaction endpoints
 * exempt) and per-route buckets such as 5 messages per 5 s per channel, with
 * real X-RateLimit-* headers and 429 bodies; and the publish limit of an
 * announcement channel (about 10 crossposts per hour per channel), whose 429
 * says to come back much later.
 */
import { createHash } from 'node:crypto';

export interface RateLimitConfig {
  enabled: boolean;
  globalPerSecond: number;
  messagesPerChannel: { limit: number; windowMs: number };
  /** Crossposts per announcement channel and window; absent: Discord's (10 per hour). */
  crosspostsPerChannel?: { limit: number; windowMs: number };
}

/** Discord's observed publish limit: about 10 crossposts per hour in one announcement channel. */
export const DISCORD_CROSSPOST_LIMIT = { limit: 10, windowMs: 3_600_000 };

export const DISCORD_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  globalPerSecond: 50,
  messagesPerChannel: { limit: 5, windowMs: 5000 },
  crosspostsPerChannel: DISCORD_CROSSPOST_LIMIT,
};

export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Set when the request is refused with 429. */
  limited?: { body: Record<string, unknown>; scope: 'global' | 'user'; retryAfterSeconds: number };
}

interface Bucket {
  resetAt: number;
  remaining: number;
}

/** Whether a request (path without `/api/v…`) counts toward Discord's global limit: all but interaction callbacks and webhooks. */
export function countsTowardGlobalLimit(path: string): boolean {
  return !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
}

export class RateLimiter {
  private globalWindow: number[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private bucketHashes = new Map<string, string>();

  constructor(
    private config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {}

  configure(config: RateLimitConfig): void {
    this.config = config;
  }

  /** Accounts for one request and says whether it may proceed. */
  check(method: string, path: string): RateLimitDecision {
    if (!this.config.enabled) return { headers: {} };
    const now = this.now();
    if (countsTowardGlobalLimit(path)) {
      this.globalWindow = this.globalWindow.filter((t) => t > now - 1000);
      if (this.globalWindow.length >= this.config.globalPerSecond) {
        const retryAfter = Math.max(0.001, ((this.globalWindow[0] as number) + 1000 - now) / 1000);
        return {
          headers: {
            'retry-after': String(Math.ceil(retryAfter)),
            'x-ratelimit-global': 'true',
            'x-ratelimit-scope': 'global',
          },
          limited: {
            body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true },
            scope: 'global',
            retryAfterSeconds: retryAfter,
          },
        };
      }
      this.globalWindow.push(now);
    }
    if (method !== 'POST') return { headers: {} };
    const message = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (message)
      return this.take(
        `messages:${message[1]}`,
        this.config.messagesPerChannel,
        'POST /channels/{id}/messages',
      );
    const crosspost = /^\/channels\/(\d+)\/messages\/\d+\/crosspost$/.exec(path);
    if (crosspost)
      return this.take(
        `crossposts:${crosspost[1]}`,
        this.config.crosspostsPerChannel ?? DISCORD_CROSSPOST_LIMIT,
        'POST /channels/{id}/messages/{id}/crosspost',
      );
    return { headers: {} };
  }

  /** One request from the bucket `key` (`limit` per `windowMs`), with its headers, or a 429. */
  private take(
    key: string,
    { limit, windowMs }: { limit: number; windowMs: number },
    route: string,
  ): RateLimitDecision {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { resetAt: now + windowMs, remaining: limit };
      this.buckets.set(key, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    const hash = this.hashFor(route);
    if (bucket.remaining <= 0) {
      return {
        headers: {
          ...bucketHeaders(limit, 0, bucket.resetAt, resetAfter, hash),
          'retry-after': String(Math.ceil(resetAfter)),
          'x-ratelimit-scope': 'user',
        },
        limited: {
          body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
          scope: 'user',
          retryAfterSeconds: resetAfter,
        },
      };
    }
    bucket.remaining--;
    return { headers: bucketHeaders(limit, bucket.remaining, bucket.resetAt, resetAfter, hash) };
  }

  private hashFor(route: string): string {
    let hash = this.bucketHashes.get(route);
    if (!hash) {
      // A digest of the whole route: routes that share a prefix must not share a bucket.
      hash = createHash('sha256').update(route).digest('hex').slice(0, 16);
      this.bucketHashes.set(route, hash);
    }
    return hash;
  }
}

function bucketHeaders(
  limit: number,
  remaining: number,
  resetAt: number,
  resetAfter: number,
  hash: string,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': hash,
  };
}
