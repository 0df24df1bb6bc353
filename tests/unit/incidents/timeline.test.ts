import { describe, expect, it } from 'vitest';
import { describeChange, renderTimelineEmbed } from '../../../src/alerts/renderTimeline.js';
import { withLink } from '../../../src/incidents/linkIncident.js';
import { changedFacts, incidentTimeline } from '../../../src/incidents/timeline.js';
import { makeStoredPost } from '../../helpers/builders.js';

const first = makeStoredPost('p1', '2025-03-04T00:00:00.000Z', {
  organization: '株式会社ミナトテック',
  affected: 2850,
  severity: 'medium',
  disclosedOn: '2025-03-04',
});
const update = withLink(
  makeStoredPost('p2', '2025-04-20T00:00:00.000Z', {
    kind: 'incident_update',
    organization: 'ミナトテック（株）',
    affected: 35650,
    severity: 'high',
    cause: 'ransomware',
    disclosedOn: '2025-04-20',
  }),
  { rootId: 'p1', citedId: 'p1', rule: 'link.cited-date', evidence: ['3月4日に公表'] },
);
const quiet = withLink(
  makeStoredPost('p3', '2025-05-20T00:00:00.000Z', {
    kind: 'incident_update',
    affected: null,
    severity: 'high',
    cause: 'ransomware',
    disclosedOn: '2025-05-20',
  }),
  { rootId: 'p1', citedId: 'p2', rule: 'link.same-organization', evidence: ['ミナトテック'] },
);
const unrelated = makeStoredPost('q1', '2025-04-01T00:00:00.000Z');

describe('incidentTimeline', () => {
  it('orders the first report and its updates oldest first, from any post of the incident', () => {
    for (const from of [first, update, quiet]) {
      const entries = incidentTimeline(from, [quiet, unrelated, update, first]);
      expect(entries.map((e) => e.record.post.id)).toEqual(['p1', 'p2', 'p3']);
    }
  });

  it('says what each update changed, and not that an unrepeated count became unknown', () => {
    expect(changedFacts(first, update)).toEqual([
      { fact: 'affected', from: 2850, to: 35650 },
      { fact: 'severity', from: 'medium', to: 'high' },
      { fact: 'cause', from: 'unauthorized_access', to: 'ransomware' },
    ]);
    expect(changedFacts(update, quiet)).toEqual([]);
  });
});

describe('renderTimelineEmbed', () => {
  it('writes dates, stages, changes and the reason of each link, in both languages', () => {
    const entries = incidentTimeline(first, [first, update, quiet]);
    const ja = renderTimelineEmbed(entries, 'ja').description ?? '';
    expect(ja).toContain('**2025-03-04** 第一報');
    expect(ja).toContain('影響人数 2,850 → 35,650名');
    expect(ja).toContain('重大度 中 → 高');
    expect(ja).toContain('日付「3月4日に公表」');
    expect(ja).toContain('影響人数・重大度・原因に変更なし');
    const en = renderTimelineEmbed(entries, 'en');
    expect(en.title).toBe('Timeline: 株式会社ミナトテック');
    expect(en.description).toContain('People affected 2,850 → 35,650 people');
    expect(describeChange({ fact: 'affected', from: null, to: 5 }, 'en')).toBe(
      'People affected not stated → 5 people',
    );
  });

  it('stays within the characters it is given', () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      withLink(
        makeStoredPost(`u${i}`, `2025-06-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`),
        {
          rootId: 'p1',
          citedId: 'p1',
          rule: 'link.cited-notice',
          evidence: ['既報'],
        },
      ),
    );
    const embed = renderTimelineEmbed(incidentTimeline(first, [first, ...many]), 'ja', 2500);
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(2500);
  });
});
