/** The fixed columns of the CSV export: stable English ids, and how each is read from a record. */
import type { Reason } from '../classify/classification.js';
import type { StoredPost } from '../store/postStore.js';

export interface ExportColumn {
  /** Stable column id: scripts and spreadsheets key on it, so never rename one. */
  id: string;
  value: (record: StoredPost) => string;
}

/** Lists are joined with `;`, which neither ids nor dates contain. */
const list = (items: readonly string[]) => items.join(';');
const optional = (value: string | number | null) => (value === null ? '' : String(value));

function reasonText(reason: Reason): string {
  const evidence = reason.evidence.length > 0 ? `: ${reason.evidence.join(' | ')}` : '';
  return `${reason.label}=${reason.value} (${reason.rule}${evidence})`;
}

/** Column order is part of the format: new columns go at the end. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { id: 'post_id', value: (r) => r.post.id },
  { id: 'incident_id', value: (r) => optional(r.classification.incidentId) },
  { id: 'kind', value: (r) => r.classification.kind },
  { id: 'cause', value: (r) => r.classification.cause },
  { id: 'secondary_causes', value: (r) => list(r.classification.secondaryCauses) },
  { id: 'severity', value: (r) => r.classification.severity },
  { id: 'organization', value: (r) => optional(r.classification.organization) },
  { id: 'affected', value: (r) => optional(r.classification.affected) },
  { id: 'data_types', value: (r) => list(r.classification.dataTypes) },
  { id: 'disclosed_on', value: (r) => optional(r.classification.disclosedOn) },
  { id: 'disruption', value: (r) => String(r.classification.disruption) },
  { id: 'title', value: (r) => r.post.title },
  { id: 'link', value: (r) => optional(r.post.link) },
  { id: 'published_at', value: (r) => optional(r.post.publishedAt) },
  { id: 'updated_at', value: (r) => optional(r.post.updatedAt) },
  { id: 'feed_url', value: (r) => r.post.feedUrl },
  { id: 'categories', value: (r) => list(r.post.categories) },
  { id: 'stored_at', value: (r) => r.storedAt },
  { id: 'reasons', value: (r) => list(r.classification.reasons.map(reasonText)) },
];
