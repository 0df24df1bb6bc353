/** Operational limits kept as data in config/limits.json. */
import { z } from 'zod';

export const limitsSchema = z.object({
  fetch: z.object({
    timeoutMs: z.number().int().min(100).max(300_000),
    maxBodyBytes: z.number().int().min(1024),
    maxRedirects: z.number().int().min(0).max(20),
    userAgent: z.string().min(1),
  }),
  backoff: z
    .object({
      baseSeconds: z.number().min(1),
      maxSeconds: z.number().min(1),
    })
    .refine((b) => b.maxSeconds >= b.baseSeconds, {
      message: 'maxSeconds must be at least baseSeconds',
    }),
  poll: z.object({
    /** After an outage, how many older pages a poll may read to find entries it missed. */
    maxCatchUpPages: z.number().int().min(0).max(100),
    maxConcurrentFeeds: z.number().int().min(1).max(64),
  }),
  /** Alert delivery: attempts before a delivery fails for good, its backoff, channels served at once. */
  delivery: z
    .object({
      maxAttempts: z.number().int().min(1).max(100),
      baseBackoffSeconds: z.number().positive(),
      maxBackoffSeconds: z.number().positive(),
      concurrency: z.number().int().min(1).max(64),
      /** How long a worker's claim on a delivery holds: a killed worker's rows come back after it. */
      leaseSeconds: z.number().positive().max(3600).default(60),
    })
    .refine((d) => d.maxBackoffSeconds >= d.baseBackoffSeconds, {
      message: 'maxBackoffSeconds must be at least baseBackoffSeconds',
    }),
  /** Keyword and exclude lists of a subscription: how many words, how long each. */
  wordLists: z.object({
    maxWords: z.number().int().min(1).max(100),
    maxChars: z.number().int().min(1).max(200),
  }),
  /** Files the bot attaches to replies (`/incident export`): Discord's upload limit for a server. */
  attachments: z.object({
    maxBytes: z.number().int().min(1024),
  }),
  /** Feed trouble notices: after how many failures in a row a server's admin channel hears of it. */
  feedNotices: z.object({
    afterFailures: z.number().int().min(1).max(1000),
  }),
  backfill: z.object({
    pageSize: z.number().int().min(1).max(500),
    maxPages: z.number().int().min(1),
  }),
  /** Incident linking: how far back (days) an earlier post of the same organisation may be continued. */
  incidents: z
    .object({ linkWindowDays: z.number().int().min(1).max(3650).default(400) })
    .default({ linkWindowDays: 400 }),
  /**
   * Discord's side: 401/403/429 answers counted per rolling window (Discord bans
   * a bot at 10,000 per 10 minutes; deliveries pause above `invalidRequestLimit`),
   * and how a route answering 429 backs off: doubling from `baseSeconds` (or
   * Discord's retry-after when longer) up to `maxSeconds`.
   */
  discord: z.object({
    invalidRequestLimit: z.number().int().min(1).max(9999),
    invalidRequestWindowSeconds: z.number().positive().max(3600),
    rateLimitBackoff: z
      .object({ baseSeconds: z.number().positive(), maxSeconds: z.number().positive() })
      .refine((b) => b.maxSeconds >= b.baseSeconds, {
        message: 'maxSeconds must be at least baseSeconds',
      }),
  }),
  /**
   * Publishing in announcement channels (`publish: on`): Discord allows about 10 publishes per hour
   * per channel; beyond `perWindow` in `windowSeconds` a publish waits in its queue.
   */
  publish: z
    .object({
      perWindow: z.number().int().min(1).max(1000).default(10),
      windowSeconds: z.number().positive().max(86_400).default(3600),
    })
    .default({ perWindow: 10, windowSeconds: 3600 }),
});
export type Limits = z.infer<typeof limitsSchema>;
