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
  backfill: z.object({
    pageSize: z.number().int().min(1).max(500),
    maxPages: z.number().int().min(1),
  }),
});
export type Limits = z.infer<typeof limitsSchema>;
