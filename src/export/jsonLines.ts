/** JSON lines export: one object per incident with every classification field and the post's link. */
import type { StoredPost } from '../store/postStore.js';
import type { RecordSource } from './selectRecords.js';

/**
 * One record as a flat object. The post's HTML and plain text are left out: they are the
 * blog's content, large, and one click away through `link`.
 */
export function incidentJson(record: StoredPost) {
  const { post, classification: c } = record;
  return {
    postId: post.id,
    incidentId: c.incidentId,
    kind: c.kind,
    cause: c.cause,
    secondaryCauses: c.secondaryCauses,
    severity: c.severity,
    organization: c.organization,
    affected: c.affected,
    dataTypes: c.dataTypes,
    disclosedOn: c.disclosedOn,
    disruption: c.disruption,
    title: post.title,
    link: post.link,
    publishedAt: post.publishedAt,
    updatedAt: post.updatedAt,
    feedUrl: post.feedUrl,
    categories: post.categories,
    storedAt: record.storedAt,
    reasons: c.reasons,
  };
}

/** One line per record, each a complete JSON document ending in `\n`. */
export async function* toJsonLines(records: RecordSource): AsyncGenerator<string> {
  for await (const record of records) yield `${JSON.stringify(incidentJson(record))}\n`;
}
