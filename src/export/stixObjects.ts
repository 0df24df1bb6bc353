/**
 * The STIX 2.1 objects an export is made of: jikenbo as the producer, an identity per victim
 * organisation, and a `report` per post.
 *
 * Why `report` and not `incident`: the OASIS bundle schema lists the object types it accepts
 * and `incident` is not among them (an Incident falls through to the custom-object branch,
 * where it matches both core schemas and fails `oneOf`), so no bundle holding an Incident
 * validates. A Report is what a post is (a published write-up about one topic), it is in the
 * list, and its `object_refs` is the STIX-defined link to the victim, so no relationship
 * object is needed (STIX 2.1 defines none from an Incident to its victim either: `targets`
 * starts at attack patterns, campaigns, malware and the like).
 */
import { CAUSE_NAMES, KIND_NAMES, SEVERITY_NAMES } from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import { PRODUCER_IDENTITY_ID, identityId, reportId } from './stixIds.js';

export type StixObject = Record<string, unknown> & { type: string; id: string };

/**
 * Identities are the same objects in every export (their ids come from the names), so their
 * timestamps must not change between exports either: they are fixed to this instant.
 */
export const IDENTITY_EPOCH = '2020-01-01T00:00:00.000Z';

/** A STIX timestamp: UTC with millisecond precision, as `created`/`modified` require. */
function stixTime(iso: string): string {
  return new Date(iso).toISOString();
}

function timesOf(record: StoredPost): { created: string; modified: string } {
  const created = stixTime(record.post.publishedAt ?? record.storedAt);
  const updated = record.post.updatedAt ? stixTime(record.post.updatedAt) : created;
  // STIX requires modified ≥ created; a feed can give an updated time before the published one.
  return { created, modified: updated > created ? updated : created };
}

/** jikenbo, which wrote every object of the bundle. */
export function producerIdentity(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: PRODUCER_IDENTITY_ID,
    created: IDENTITY_EPOCH,
    modified: IDENTITY_EPOCH,
    name: 'jikenbo',
    description: 'Classifier of a Japanese security-incident blog',
    identity_class: 'system',
  };
}

/** The victim organisation (`identity_class: organization`). */
export function victimIdentity(organisation: string): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: identityId(organisation),
    created_by_ref: PRODUCER_IDENTITY_ID,
    created: IDENTITY_EPOCH,
    modified: IDENTITY_EPOCH,
    name: organisation,
    identity_class: 'organization',
  };
}

/** The facts of the classification in words, for the report's description. */
export function reportDescription(record: StoredPost): string {
  const c = record.classification;
  const lines = [
    `Kind: ${KIND_NAMES[c.kind].en}`,
    `Organisation: ${c.organization ?? 'not named'}`,
    `Cause: ${CAUSE_NAMES[c.cause].en}`,
    ...(c.secondaryCauses.length > 0
      ? [`Secondary causes: ${c.secondaryCauses.map((s) => CAUSE_NAMES[s].en).join(', ')}`]
      : []),
    `Severity: ${SEVERITY_NAMES[c.severity].en}`,
    `People affected: ${c.affected === null ? 'not stated' : c.affected.toLocaleString('en-US')}`,
    `Data types: ${c.dataTypes.length > 0 ? c.dataTypes.join(', ') : 'not stated'}`,
    `Disclosed on: ${c.disclosedOn ?? 'not stated'}`,
    `Service disruption: ${c.disruption ? 'yes' : 'no'}`,
    ...(c.incidentId ? [`Incident id: ${c.incidentId}`] : []),
  ];
  return lines.join('\n');
}

function externalReference(record: StoredPost): Record<string, string> {
  const reference: Record<string, string> = { source_name: 'jikenbo' };
  if (record.post.link) reference.url = record.post.link;
  reference.external_id = record.classification.incidentId ?? record.post.id;
  return reference;
}

/**
 * The post as a report about its victim: title as name, cause and severity ids as labels,
 * the post's link as external reference. A post that names no organisation refers to its
 * producer only, since a report must refer to at least one object.
 */
export function incidentReport(record: StoredPost): StixObject {
  const c = record.classification;
  const { created, modified } = timesOf(record);
  return {
    type: 'report',
    spec_version: '2.1',
    id: reportId(record.post.id),
    created_by_ref: PRODUCER_IDENTITY_ID,
    created,
    modified,
    name: record.post.title,
    description: reportDescription(record),
    report_types: ['threat-report'],
    published: created,
    object_refs: [c.organization ? identityId(c.organization) : PRODUCER_IDENTITY_ID],
    labels: [c.cause, c.severity],
    external_references: [externalReference(record)],
  };
}
