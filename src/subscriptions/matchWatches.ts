/**
 * Which watches a post trips, pure: every server's watched names in one automaton, one pass over
 * the post's organisation, title and text (normalised as the names are). Any kind but off-topic,
 * any severity.
 */
import type { GuildSettings, Watch } from '../store/guildSettings.js';
import type { StoredPost } from '../store/postStore.js';
import { normalizeText } from '../text/organizationKey.js';
import { buildWatchAutomaton, wordsIn, type WatchAutomaton } from './watchAutomaton.js';
import { watchesOf } from './watchlist.js';

export const WATCH_FIELDS = ['organization', 'title', 'text'] as const;
export type WatchField = (typeof WATCH_FIELDS)[number];

export interface WatchIndex {
  automaton: WatchAutomaton;
  /** Per word id: the watches (with their server) of that key. */
  owners: Array<Array<{ guildId: string; watch: Watch }>>;
  size: number;
}

export interface WatchHit {
  guildId: string;
  watch: Watch;
  /** Where the name was found, in WATCH_FIELDS order. */
  fields: WatchField[];
}

/** The index over every server's watches (built once per fan-out, not per post). */
export function buildWatchIndex(guilds: readonly GuildSettings[]): WatchIndex {
  const ids = new Map<string, number>();
  const owners: WatchIndex['owners'] = [];
  for (const guild of guilds)
    for (const watch of watchesOf(guild)) {
      let id = ids.get(watch.key);
      if (id === undefined) {
        id = owners.length;
        ids.set(watch.key, id);
        owners.push([]);
      }
      owners[id]?.push({ guildId: guild.guildId, watch });
    }
  return { automaton: buildWatchAutomaton([...ids.keys()]), owners, size: owners.length };
}

/** The watches `record` trips, one hit per server and watch, with where it was named. */
export function watchHits(record: StoredPost, index: WatchIndex): WatchHit[] {
  if (index.size === 0 || record.classification.kind === 'off_topic') return [];
  const texts: Record<WatchField, string> = {
    organization: record.classification.organization ?? '',
    title: record.post.title,
    text: record.post.text,
  };
  const found = new Map<number, WatchField[]>();
  for (const field of WATCH_FIELDS) {
    for (const id of wordsIn(index.automaton, normalizeText(texts[field])))
      found.set(id, [...(found.get(id) ?? []), field]);
  }
  const hits: WatchHit[] = [];
  for (const [id, fields] of found)
    for (const owner of index.owners[id] ?? []) hits.push({ ...owner, fields });
  return hits;
}

/** The channel a watch alerts: its own, else the server's first subscription channel, else none. */
export function watchChannelOf(watch: Watch, guild: GuildSettings): string | null {
  return watch.channelId ?? guild.subscriptions[0]?.channelId ?? null;
}
