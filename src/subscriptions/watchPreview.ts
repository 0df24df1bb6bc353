/** /watch test, pure: which of the recent stored posts a watched name would have caught, and where. */
import type { StoredPost } from '../store/postStore.js';
import type { Watch } from '../store/guildSettings.js';
import { buildWatchIndex, watchHits, type WatchField } from './matchWatches.js';
import { watchKeyOf } from './watchlist.js';

export const WATCH_PREVIEW_POSTS = 200;

export interface WatchPreview {
  /** How many posts were looked at (at most WATCH_PREVIEW_POSTS). */
  scanned: number;
  caught: Array<{ record: StoredPost; fields: WatchField[] }>;
}

/** Looks at the newest WATCH_PREVIEW_POSTS of `recent` (newest first) for `name`. */
export function previewWatch(
  name: string,
  recent: readonly StoredPost[],
  at: string,
): WatchPreview {
  const watch: Watch = {
    name,
    key: watchKeyOf(name),
    channelId: null,
    mentionRoleId: null,
    addedAt: at,
  };
  const index = buildWatchIndex([
    { guildId: 'preview', subscriptions: [], watches: [watch], updatedAt: at },
  ]);
  const posts = recent.slice(0, WATCH_PREVIEW_POSTS);
  const caught = posts.flatMap((record) =>
    watchHits(record, index).map((hit) => ({ record, fields: hit.fields })),
  );
  return { scanned: posts.length, caught };
}
