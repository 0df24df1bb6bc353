/**
 * Changes to a server's subscriptions, as pure functions of its settings:
 * subscribe (create, or merge new options into the existing filter and reset
 * its health), unsubscribe, and mark a channel broken. Callers run them
 * inside `GuildSettingsStore.update`, so each change applies atomically.
 */
import { newSubscription, type GuildSettings, type Subscription } from '../store/guildSettings.js';

/** What /alerts subscribe asks for; an absent option keeps the existing value. */
export interface SubscribeRequest {
  channelId: string;
  locale: string;
  minSeverity?: Subscription['minSeverity'];
  causes?: Subscription['causes'];
  kinds?: Subscription['kinds'];
  keywords?: string[];
  exclude?: string[];
  mentionRoleId?: string;
  mentionMinSeverity?: Subscription['mentionMinSeverity'];
  delivery?: Subscription['delivery'];
  digestTime?: string;
  timeZone?: string;
  /** null turns quiet hours off. */
  quietHours?: Subscription['quietHours'];
  quietMinSeverity?: Subscription['quietMinSeverity'];
  /** Updates into a thread on the original alert (text channels). */
  threads?: boolean;
  /** The channel is a forum (type 15); given on every subscribe (the channel's type decides). */
  forum?: boolean;
}

/** A server's settings before its first subscription. */
export function emptySettings(guildId: string, at: string): GuildSettings {
  return { guildId, subscriptions: [], updatedAt: at };
}

/** The result of a subscribe: the new settings, the channel's subscription, and whether it existed. */
export interface SubscribeResult {
  settings: GuildSettings;
  subscription: Subscription;
  existed: boolean;
}

/** Creates or updates the channel's subscription; a re-subscribe also clears a broken health. */
export function subscribe(
  current: GuildSettings | null,
  guildId: string,
  request: SubscribeRequest,
  at: string,
): SubscribeResult {
  const settings = current ?? emptySettings(guildId, at);
  const existing = settings.subscriptions.find((s) => s.channelId === request.channelId);
  const base =
    existing ?? newSubscription(guildId, request.channelId, at, { locale: request.locale });
  // The thread options are set below, present only when on.
  const { threads: _threads, forum: _forum, ...kept } = base;
  const subscription: Subscription = {
    ...kept,
    minSeverity: request.minSeverity ?? base.minSeverity,
    causes: request.causes ?? base.causes,
    kinds: request.kinds ?? base.kinds,
    keywords: request.keywords ?? base.keywords,
    exclude: request.exclude ?? base.exclude,
    mentionRoleId: request.mentionRoleId ?? base.mentionRoleId,
    mentionMinSeverity: request.mentionMinSeverity ?? base.mentionMinSeverity,
    delivery: request.delivery ?? base.delivery,
    digestTime: request.digestTime ?? base.digestTime,
    timeZone: request.timeZone ?? base.timeZone,
    quietHours: request.quietHours === undefined ? base.quietHours : request.quietHours,
    quietMinSeverity: request.quietMinSeverity ?? base.quietMinSeverity,
    ...threadOptions(request, base),
    locale: request.locale,
    updatedAt: at,
    health: { status: 'ok', reason: null, since: null },
  };
  return {
    settings: {
      ...settings,
      subscriptions: [
        ...settings.subscriptions.filter((s) => s.channelId !== request.channelId),
        subscription,
      ],
      updatedAt: at,
    },
    subscription,
    existed: existing !== undefined,
  };
}

/** The settings without the channel's subscription. */
export function unsubscribe(settings: GuildSettings, channelId: string, at: string): GuildSettings {
  return {
    ...settings,
    subscriptions: settings.subscriptions.filter((s) => s.channelId !== channelId),
    updatedAt: at,
  };
}

/** The settings with the channel's subscription marked broken (403/404 on delivery). */
export function markChannelBroken(
  settings: GuildSettings,
  channelId: string,
  reason: string,
  at: string,
): GuildSettings {
  return {
    ...settings,
    subscriptions: settings.subscriptions.map((s) =>
      s.channelId === channelId ? { ...s, health: { status: 'broken', reason, since: at } } : s,
    ),
  };
}

/** The thread options of a subscribe: a forum always posts, so `threads` applies to text channels. */
function threadOptions(
  request: SubscribeRequest,
  base: Subscription,
): Pick<Subscription, 'threads' | 'forum'> {
  const forum = request.forum ?? base.forum ?? false;
  const threads = !forum && (request.threads ?? base.threads ?? false);
  return { ...(threads && { threads }), ...(forum && { forum }) };
}
