import { describe, expect, it } from 'vitest';
import { exportIncidents } from '../../../src/export/exportFormats.js';
import { SAMPLE_RECORDS, collect } from '../../fixtures/export/incidents.js';

describe('JSON lines export', () => {
  it('writes one JSON object per incident with every classification field and the link', async () => {
    const text = await collect(exportIncidents(SAMPLE_RECORDS, { format: 'jsonl' }));
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((o) => o.postId)).toEqual(['p1', 'p2', 'p3']);
    const source = SAMPLE_RECORDS[0]!;
    expect(objects[0]).toEqual({
      postId: 'p1',
      ...Object.fromEntries(
        Object.entries(source.classification).filter(([key]) => key !== 'reasons'),
      ),
      title: source.post.title,
      link: 'https://blog.example.test/2024/01/101.html',
      publishedAt: source.post.publishedAt,
      updatedAt: source.post.updatedAt,
      feedUrl: source.post.feedUrl,
      categories: [],
      storedAt: source.storedAt,
      reasons: source.classification.reasons,
    });
  });

  it('writes nothing for a period without incidents', async () => {
    const text = await collect(
      exportIncidents(SAMPLE_RECORDS, { format: 'jsonl', since: '2030-01-01' }),
    );
    expect(text).toBe('');
  });
});
