/** A channel's subscription to alerts, with its filter, as stored per server. */
import { z } from 'zod';
import {
  causeSchema,
  DEFAULT_ALERT_KINDS,
  kindSchema,
  severitySchema,
} from '../classify/vocabulary.js';

export const subscriptionHealthSchema = z.object({
  status: z.enum(['ok', 'broken']),
  /** Why delivery stopped (e.g. "403 Missing Access"), for /alerts list. */
  reason: z.string().nullable(),
  since: z.string().nullable(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00–23:59)');

/**
 * When a subscription's alerts go out (all optional: settings stored before digests read as
 * instant, no quiet hours). The schedule itself is computed in subscriptions/deliverySchedule.ts.
 */
export const deliveryScheduleSchema = z.object({
  delivery: z.enum(['instant', 'digest']).default('instant'),
  digestTime: hhmm.default('09:00'),
  /** IANA zone; null: the subscription's locale decides (ja → Asia/Tokyo, else UTC). */
  timeZone: z.string().nullable().default(null),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable().default(null),
  /** Alerts at least this severe go out during quiet hours. */
  quietMinSeverity: severitySchema.default('critical'),
});
export type DeliverySchedule = z.infer<typeof deliveryScheduleSchema>;

export const subscriptionSchema = z.object({
  ...deliveryScheduleSchema.shape,
  guildId: z.string(),
  channelId: z.string(),
  minSeverity: severitySchema.default('medium'),
  /** Empty means every cause. */
  causes: z.array(causeSchema).default([]),
  kinds: z.array(kindSchema).default([...DEFAULT_ALERT_KINDS]),
  keywords: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  mentionRoleId: z.string().nullable().default(null),
  mentionMinSeverity: severitySchema.default('high'),
  /** Alert language: the server's preferred locale or the admin's. */
  locale: z.string().default('en-US'),
  createdAt: z.string(),
  updatedAt: z.string(),
  health: subscriptionHealthSchema.default({ status: 'ok', reason: null, since: null }),
  /** Updates go into a thread started on the original alert (text channels; `threads: on`); absent: off. */
  threads: z.boolean().optional(),
  /** The channel is a forum (type 15): each incident is a post, its updates go into it; absent: no. */
  forum: z.boolean().optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** A channel's subscription with the default filter, created `at` (ISO time). */
export function newSubscription(
  guildId: string,
  channelId: string,
  at: string,
  overrides: Partial<Pick<Subscription, 'locale' | 'minSeverity'>> = {},
): Subscription {
  return subscriptionSchema.parse({
    guildId,
    channelId,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

/** A watched organisation or word (/watch): alerted wherever a classified post names it. */
export const watchSchema = z.object({
  /** As the admin typed it (shown in lists and alerts). */
  name: z.string(),
  /** The name normalised as posts are (organizationKey): what is matched, and what makes it unique. */
  key: z.string(),
  /** Where its alerts go; null: the server's first subscription channel. */
  channelId: z.string().nullable().default(null),
  mentionRoleId: z.string().nullable().default(null),
  addedAt: z.string(),
});
export type Watch = z.infer<typeof watchSchema>;

export const guildSettingsSchema = z.object({
  guildId: z.string(),
  subscriptions: z.array(subscriptionSchema),
  /** Where feed trouble is announced (`/feed notify`), in which language; absent: nowhere. */
  feedNotices: z.object({ channelId: z.string(), locale: z.string() }).optional(),
  /** The server's watchlist; absent in settings stored before watchlists (read as none). */
  watches: z.array(watchSchema).optional(),
  updatedAt: z.string(),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;
