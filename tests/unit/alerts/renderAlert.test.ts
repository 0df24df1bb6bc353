import { describe, expect, it } from 'vitest';
import {
  renderAlert,
  renderIncidentEmbed,
  escapeMarkdown,
  cut,
} from '../../../src/alerts/renderAlert.js';
import { newSubscription, type Subscription } from '../../../src/store/guildSettings.js';
import { validateMessage } from '@jikenbo/discord-emulator';
import { makeStoredPost } from '../../helpers/builders.js';

const sub = (overrides: Partial<Subscription> = {}): Subscription => ({
  ...newSubscription('g', 'c', 'x'),
  ...overrides,
});

describe('alert rendering', () => {
  it('cuts every over-long value cleanly so Discord accepts the message', () => {
    const record = makeStoredPost('p', '2024-01-01T00:00:00Z', {
      organization: '組'.repeat(3000),
      reasons: Array.from({ length: 50 }, (_, i) => ({
        label: 'severity',
        value: 'high',
        rule: `rule-${i}`,
        evidence: ['証拠'.repeat(100)],
      })),
    });
    const long = { ...record, post: { ...record.post, title: 'タ'.repeat(1000) } };
    const message = renderAlert(long, sub());
    expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual([]);
    expect([...(message.embeds[0]?.title ?? '')].length).toBe(256);
    expect(message.embeds[0]?.title.endsWith('…')).toBe(true);
  });

  it('escapes markdown and neutralises mentions in titles', () => {
    expect(escapeMarkdown('**bold** @everyone _x_')).toBe(
      '\\*\\*bold\\*\\* @\u200beveryone \\_x\\_',
    );
  });

  it('pings the subscription role only at or above its threshold, and nothing else', () => {
    const role = { mentionRoleId: 'r1', mentionMinSeverity: 'high' as const };
    const high = renderAlert(
      makeStoredPost('a', '2024-01-01T00:00:00Z', { severity: 'high' }),
      sub(role),
    );
    const medium = renderAlert(
      makeStoredPost('b', '2024-01-01T00:00:00Z', { severity: 'medium' }),
      sub(role),
    );
    expect(high).toMatchObject({
      content: '<@&r1>',
      allowed_mentions: { parse: [], roles: ['r1'] },
    });
    expect(medium.content).toBeUndefined();
    expect(medium.allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it('formats people affected for the subscription\u2019s language', () => {
    const record = makeStoredPost('p', '2024-01-01T00:00:00Z', { affected: 5069 });
    const value = (lang: 'ja' | 'en') =>
      renderIncidentEmbed(record, lang).fields.find(
        (f) => f.name === (lang === 'ja' ? '影響人数' : 'People affected'),
      )?.value;
    expect(value('ja')).toBe('5,069名');
    expect(value('en')).toBe('5,069 people');
  });

  it('cuts by code points, never splitting a character', () => {
    expect(cut('𠮷𠮷𠮷', 2)).toBe('𠮷…');
    expect(cut('abc', 3)).toBe('abc');
  });
});
