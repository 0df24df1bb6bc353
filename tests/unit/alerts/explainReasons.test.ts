import { describe, expect, it } from 'vitest';
import { explainLabels, ruleIdsOf } from '../../../src/alerts/explainReasons.js';
import { renderIncidentEmbed } from '../../../src/alerts/renderAlert.js';
import type { Reason } from '../../../src/classify/classification.js';
import type { StoredPost } from '../../../src/store/postStore.js';
import { makeClassification, makePost } from '../../helpers/builders.js';

/** A skimming post with the reasons the classifier gives such a post. */
function skimming(reasons: Reason[]): StoredPost {
  return {
    post: makePost('p', {
      title: '【セキュリティ事件簿#2024-001】株式会社テスト 決済画面の改ざんについて',
      text: '当社サイトの決済画面が改ざんされ、ランサムウェアではなく、カード情報が流出しました。',
    }),
    classification: makeClassification({
      cause: 'web_skimming',
      severity: 'critical',
      affected: 30000,
      dataTypes: ['name', 'credit_card'],
      reasons,
    }),
    storedAt: '2024-03-01T00:00:00.000Z',
  };
}

const REASONS: Reason[] = [
  {
    label: 'kind',
    value: 'incident',
    rule: 'kind.incident.series-tag',
    evidence: ['セキュリティ事件簿#'],
    patternId: 'kind.series.tag',
    words: ['セキュリティ事件簿#'],
    count: 1,
  },
  {
    label: 'cause',
    value: 'web_skimming',
    rule: 'cause.web-skimming.card-data-taken-at-payment',
    evidence: ['決済画面が改ざん'],
    patternId: 'cause.web_skimming.payment-app',
    words: ['決済画面が改ざん'],
    count: 3,
  },
  { label: 'severity', value: 'critical', rule: 'severity.card-data', evidence: ['22234 card(s)'] },
];

describe('why a post got its labels', () => {
  it('says where the deciding words were, how often, and the count behind the severity', () => {
    expect(explainLabels(skimming(REASONS), 'ja')).toEqual([
      'タイトルの「セキュリティ事件簿」 → インシデント',
      '本文の「決済画面が改ざん」×3 → 決済画面改ざん',
      'カード情報 22,234件 → 緊急',
    ]);
    expect(explainLabels(skimming(REASONS), 'en')).toEqual([
      '“セキュリティ事件簿” in the title → Incident',
      '“決済画面が改ざん” in the post ×3 → Payment page tampering (card skimming)',
      '22,234 payment cards → Critical',
    ]);
  });

  it('names sensitive data types in words and never shows a rule it does not know by its id', () => {
    const record = skimming([
      {
        label: 'severity',
        value: 'high',
        rule: 'severity.sensitive-data',
        evidence: ['credentials'],
      },
    ]);
    expect(explainLabels(record, 'ja').at(-1)).toBe('機微な情報(ログインID・パスワード) → 緊急');
    const unknown = skimming([
      { label: 'severity', value: 'high', rule: 'severity.some-future-rule', evidence: ['x'] },
    ]);
    expect(explainLabels(unknown, 'en').at(-1)).toBe('the post’s facts → Critical');
  });

  it('puts the sentences in the alert footer and keeps the rule ids for the explain view', () => {
    const record = skimming(REASONS);
    const footer = renderIncidentEmbed(record, 'ja').footer?.text ?? '';
    expect(footer).toBe(explainLabels(record, 'ja').join(' · '));
    expect(footer).not.toMatch(/kind\.|cause\.|severity\./);
    expect(ruleIdsOf(record)).toContain('kind: kind.incident.series-tag (kind.series.tag)');
  });

  it('shows data types by name in the reader’s language', () => {
    const fields = (lang: 'ja' | 'en') =>
      renderIncidentEmbed(skimming(REASONS), lang).fields.map((f) => f.value);
    expect(fields('ja')).toContain('氏名、クレジットカード情報');
    expect(fields('en')).toContain('Name, Payment card data');
  });
});
