/** STIX 2.1 bundle export, streamed: the bundle's opening, then one object at a time, then its close. */
import { randomUUID } from 'node:crypto';
import type { StoredPost } from '../store/postStore.js';
import type { RecordSource } from './selectRecords.js';
import {
  incidentReport,
  producerIdentity,
  victimIdentity,
  type StixObject,
} from './stixObjects.js';

export interface StixBundleOptions {
  /** The bundle's UUID; random by default (a bundle is a one-off envelope, not a stable object). */
  bundleUuid?: string;
}

/**
 * The objects of one record, in dependency order: the victim's identity (only the first time
 * this export meets that organisation), then the report that refers to it.
 */
export function objectsOfRecord(record: StoredPost, seenIdentities: Set<string>): StixObject[] {
  const organisation = record.classification.organization;
  const objects: StixObject[] = [];
  if (organisation) {
    const identity = victimIdentity(organisation);
    if (!seenIdentities.has(identity.id)) {
      seenIdentities.add(identity.id);
      objects.push(identity);
    }
  }
  objects.push(incidentReport(record));
  return objects;
}

/**
 * The bundle as text chunks: only the ids of the identities already written are kept in
 * memory, never the bundle. The producer's identity comes first, so `objects` is never empty.
 */
export async function* toStixBundle(
  records: RecordSource,
  options: StixBundleOptions = {},
): AsyncGenerator<string> {
  const id = `bundle--${options.bundleUuid ?? randomUUID()}`;
  yield `{"type":"bundle","id":"${id}","objects":[\n${JSON.stringify(producerIdentity())}`;
  const seen = new Set<string>();
  for await (const record of records) {
    for (const object of objectsOfRecord(record, seen)) yield `,\n${JSON.stringify(object)}`;
  }
  yield '\n]}\n';
}
