import { describe, expect, it } from 'vitest';
import {
  describeFilter,
  explainVerdict,
  matchFilter,
} from '../../../src/subscriptions/matchFilter.js';
import { newSubscription, type Subscription } from '../../../src/store/guildSettings.js';
import { makeStoredPost } from '../../helpers/builders.js';

const sub = (overrides: Partial<Subscription> = {}): Subscription => ({
  ...newSubscription('g', 'c', 'x'),
  ...overrides,
});
const post = (
  overrides: Parameters<typeof makeStoredPost>[2] = {},
  title = 'VPN経由のランサムウェア被害',
) => {
  const r = makeStoredPost('p', '2024-01-01T00:00:00Z', overrides);
  return { ...r, post: { ...r.post, title, text: '本文' } };
};

describe('matchFilter', () => {
  it('passes by default an incident at medium or above', () => {
    expect(matchFilter(sub(), post({ severity: 'medium' }))).toEqual({ pass: true });
  });

  it.each([
    [
      {},
      { severity: 'low' as const },
      'blocked: severity Low is below Medium',
      'ブロック: 重大度「低」は「中」未満',
    ],
    [
      {},
      { kind: 'threat_intel' as const },
      'blocked: kind Threat intel is not one of Incident, Update',
      'ブロック: 種別「脅威情報」は対象外',
    ],
    [
      { causes: ['phishing' as const] },
      { cause: 'ransomware' as const },
      'blocked: cause Ransomware is not one of Phishing / social engineering',
      'ブロック: 原因「ランサムウェア」は対象外',
    ],
    [
      { keywords: ['DDoS'] },
      {},
      'blocked: none of the keywords DDoS',
      'ブロック: キーワード DDoS を含まない',
    ],
    [
      { exclude: ['ｖｐｎ'] },
      {},
      'blocked: contains excluded word ｖｐｎ',
      'ブロック: 除外語 ｖｐｎ を含む',
    ],
  ])('explains why it blocks (%j, %j)', (filter, classification, en, ja) => {
    const verdict = matchFilter(sub(filter), post(classification));
    expect(explainVerdict(verdict, 'en')).toBe(en);
    expect(explainVerdict(verdict, 'ja')).toBe(ja);
  });

  it('matches keywords as plain words, case- and width-insensitively (not as regular expressions)', () => {
    expect(matchFilter(sub({ keywords: ['vpn'] }), post()).pass).toBe(true);
    expect(matchFilter(sub({ keywords: ['V.N'] }), post()).pass).toBe(false);
  });

  it('describes a filter in words', () => {
    expect(describeFilter(sub({ causes: ['ransomware'], keywords: ['VPN'] }), 'en')).toBe(
      'severity Medium or higher; kinds: Incident, Update; causes: Ransomware; keywords VPN',
    );
    expect(describeFilter(sub({ causes: ['ransomware', 'web_skimming'] }), 'ja')).toBe(
      '重大度「中」以上、種別: インシデント、続報、原因: ランサムウェア、決済画面改ざん',
    );
  });
});
