/**
 * PLACEHOLDER classifier, used until the rule-based classifier lands (issue 3).
 * It only reads the series tag and the incident id; every other label is a
 * default. Nothing about its output should be trusted for alerting.
 */
import type { Classification } from './classification.js';

export function placeholderClassify(post: {
  title: string;
  publishedAt: string | null;
}): Classification {
  const id =
    /セキュリティ事件簿\s*#\s*(\d{4}-\d{3})/.exec(post.title.normalize('NFKC'))?.[1] ?? null;
  return {
    kind: id ? 'incident' : 'off_topic',
    cause: 'other',
    secondaryCauses: [],
    severity: id ? 'low' : 'info',
    incidentId: id,
    organization: null,
    affected: null,
    dataTypes: [],
    disclosedOn: post.publishedAt?.slice(0, 10) ?? null,
    disruption: false,
    reasons: [
      {
        label: 'kind',
        value: id ? 'incident' : 'off_topic',
        rule: 'placeholder.series-tag',
        evidence: id ? [id] : [],
      },
    ],
  };
}
