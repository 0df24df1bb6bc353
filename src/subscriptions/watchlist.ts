/**
 * A server's watchlist (/watch add, remove, list), pure: names normalised as posts are, at most
 * WATCH_LIMIT per server, each name once. Changes return new settings for the atomic per-server update.
 */
import type { GuildSettings, Watch } from '../store/guildSettings.js';
import { organizationKey } from '../text/organizationKey.js';
import { InputError } from './parseOptions.js';

export const WATCH_LIMIT = 200;
/** A name that normalises to one character would match nearly every post. */
export const MIN_WATCH_KEY = 2;
export const MAX_WATCH_NAME = 100;

/** The server's watches (settings stored before watchlists have none). */
export function watchesOf(settings: GuildSettings | null): Watch[] {
  return settings?.watches ?? [];
}

/** The key a watched name is matched by, or an InputError for a name too short to watch. */
export function watchKeyOf(name: string): string {
  const trimmed = name.trim();
  const key = organizationKey(trimmed);
  if (!key || [...key].length < MIN_WATCH_KEY || [...trimmed].length > MAX_WATCH_NAME)
    throw new InputError('error.watch-name', {
      name: trimmed,
      min: MIN_WATCH_KEY,
      max: MAX_WATCH_NAME,
    });
  return key;
}

export interface WatchOptions {
  channelId: string | null;
  mentionRoleId: string | null;
}

/** Adds (or, for a name already watched, updates) a watch. */
export function addWatch(
  current: GuildSettings | null,
  guildId: string,
  name: string,
  options: WatchOptions,
  at: string,
): GuildSettings {
  const key = watchKeyOf(name);
  const settings = current ?? { guildId, subscriptions: [], updatedAt: at };
  const watches = watchesOf(settings);
  const others = watches.filter((w) => w.key !== key);
  if (others.length >= WATCH_LIMIT) throw new InputError('error.watch-limit', { max: WATCH_LIMIT });
  const watch: Watch = { name: name.trim(), key, ...options, addedAt: at };
  return { ...settings, watches: [...others, watch], updatedAt: at };
}

/** Removes the watch of `name` (matched by key); an InputError when it is not watched. */
export function removeWatch(
  current: GuildSettings | null,
  name: string,
  at: string,
): GuildSettings {
  const key = watchKeyOf(name);
  const watches = watchesOf(current);
  if (!current || !watches.some((w) => w.key === key))
    throw new InputError('error.watch-unknown', { name: name.trim() });
  return { ...current, watches: watches.filter((w) => w.key !== key), updatedAt: at };
}
