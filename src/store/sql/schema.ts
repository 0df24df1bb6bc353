/** Table types of the SQL store, shared by SQLite and PostgreSQL (times are ISO 8601 text on both). */
import type { ColumnType } from 'kysely';

export interface PostsTable {
  id: string;
  incident_id: string | null;
  /** `publishedAt ?? storedAt`: the sort key of "newest first". */
  sort_time: string;
  published_at: string | null;
  published_day: string | null;
  /** The day an incident counts for: disclosed day, else published day, else ''. */
  incident_day: string;
  stored_at: string;
  kind: string;
  /** 1 for the kinds the incident lookups list (incident, incident update), else 0. */
  listed: number;
  cause: string;
  severity: string;
  /** 4 = critical … 0 = info, so "at least medium" is one range condition. */
  severity_rank: number;
  organization: string | null;
  affected: number | null;
  disclosed_day: string | null;
  feed_url: string;
  link: string | null;
  /** Normalised title, organisation and body, the text the trigram index covers. */
  search_text: string;
  /** Normalised title and organisation: what queries too short for trigrams are matched against. */
  search_head: string;
  /** The whole StoredPost as JSON, parsed with its schema on the way out. */
  record: string;
  /** The organisation normalised for incident linking (legal forms dropped); migration 0002. */
  organization_key: string | null;
  /** The post id of the first report this post continues; migration 0002. */
  continues: string | null;
}

export interface SeenEntriesTable {
  id: string;
  seen_at: string;
}

export interface DeliveriesTable {
  id: string;
  post_id: string;
  guild_id: string;
  channel_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
  /** The worker holding the delivery and until when; an expired lease may be taken by another. */
  claimed_by: string | null;
  claim_expires_at: string | null;
  /** Held for a digest until then; null: instant (migration 0006). */
  hold_until: string | null;
  /** The thread started on this alert, or its forum post (migration 0007). */
  thread_id: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface KeyValueTable {
  key: string;
  value: string;
  /** Epoch milliseconds; bigint on PostgreSQL, so it comes back as a string there. */
  expires_at: ColumnType<number | string | null, number | null, number | null>;
}

export interface GuildSettingsTable {
  /** The bot's keyv namespace: several bots may share one database. */
  namespace: string;
  guild_id: string;
  /** GuildSettings as JSON, parsed with its schema on the way out. */
  settings: string;
  /** Bumped by every write: an update applies only if the version it read is still there. */
  version: number;
  updated_at: string;
}

export interface SqlSchema {
  posts: PostsTable;
  seen_entries: SeenEntriesTable;
  deliveries: DeliveriesTable;
  meta: MetaTable;
  kv: KeyValueTable;
  guild_settings: GuildSettingsTable;
}
