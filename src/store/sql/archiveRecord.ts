/**
 * Pure rules shared by the SQL and in-memory archives, so both answer the same: what text a search
 * covers, which day an incident counts for, how a typed incident id is read.
 */
import { isIncidentKind, severityRank, type Severity } from '../../classify/vocabulary.js';
import type { StoredPost } from '../postStore.js';
import { continuesOf, organizationKeyOf } from './linkColumns.js';
import type { PostsTable } from './schema.js';

/** Width-, case- and space-insensitive form of a text (what search compares). */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cc}]+/gu, '');
}

/** A separator no normalised query contains, so a match never spans two fields. */
const FIELD_SEPARATOR = '\u0001';

/** Trigram indexes need three characters; a shorter query is matched against title and organisation only. */
export const MIN_BODY_QUERY = 3;

export function searchHeadOf(record: StoredPost): string {
  return [record.post.title, record.classification.organization ?? '']
    .map(normalizeForSearch)
    .join(FIELD_SEPARATOR);
}

export function searchTextOf(record: StoredPost): string {
  return `${searchHeadOf(record)}${FIELD_SEPARATOR}${normalizeForSearch(record.post.text)}`;
}

/** Whether `record` matches the normalised query `text` (the rule both archives follow). */
export function matchesQuery(record: StoredPost, text: string): boolean {
  if (!text) return true;
  const haystack = [...text].length < MIN_BODY_QUERY ? searchHeadOf(record) : searchTextOf(record);
  return haystack.includes(text);
}

export function isListed(record: StoredPost): boolean {
  return isIncidentKind(record.classification.kind);
}

/** "Newest first" sorts by this; ties by post id. */
export function sortTimeOf(record: StoredPost): string {
  return record.post.publishedAt ?? record.storedAt;
}

/** The day an incident counts for: its disclosure date, else the post's publication day, else ''. */
export function incidentDayOf(record: StoredPost): string {
  return record.classification.disclosedOn ?? record.post.publishedAt?.slice(0, 10) ?? '';
}

/** Newest first, ties by id, in binary order (the SQL side sorts the same way). */
export function newestFirstBinary(a: StoredPost, b: StoredPost): number {
  const ta = sortTimeOf(a);
  const tb = sortTimeOf(b);
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0;
}

/** `2024-153`, `#2024-153`, `２０２４－１５３` → `2024-153`; anything else → null. */
export function parseIncidentId(value: string): string | null {
  const id = /(\d{4})-(\d{1,4})/.exec(value.normalize('NFKC'));
  return id ? `${id[1]}-${(id[2] as string).padStart(3, '0')}` : null;
}

/** The prefix of an incident id being typed (autocomplete): digits and one dash, '#' dropped. */
export function incidentIdPrefix(value: string): string {
  return value.normalize('NFKC').trim().replace(/^#/, '');
}

export function rankOf(severity: Severity): number {
  return severityRank(severity);
}

/** The row stored for a record: indexed columns plus the record itself as JSON. */
export function postRowOf(record: StoredPost): PostsTable {
  const c = record.classification;
  return {
    id: record.post.id,
    incident_id: c.incidentId,
    sort_time: sortTimeOf(record),
    published_at: record.post.publishedAt,
    published_day: record.post.publishedAt?.slice(0, 10) ?? null,
    incident_day: incidentDayOf(record),
    stored_at: record.storedAt,
    kind: c.kind,
    listed: isListed(record) ? 1 : 0,
    cause: c.cause,
    severity: c.severity,
    severity_rank: severityRank(c.severity),
    organization: c.organization,
    affected: c.affected,
    disclosed_day: c.disclosedOn,
    feed_url: record.post.feedUrl,
    link: record.post.link,
    search_text: searchTextOf(record),
    search_head: searchHeadOf(record),
    record: JSON.stringify(record),
    organization_key: organizationKeyOf(record),
    continues: continuesOf(record),
  };
}
