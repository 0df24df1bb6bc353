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

export const subscriptionSchema = z.object({
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
