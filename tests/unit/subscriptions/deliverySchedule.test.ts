import { describe, expect, it } from 'vitest';
import { embedChars, renderDigest } from '../../../src/alerts/renderDigest.js';
import {
  deliveryScheduleSchema,
  holdUntil,
  inQuietHours,
  nextLocalTime,
} from '../../../src/subscriptions/deliverySchedule.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';

const schedule = (o: object) => deliveryScheduleSchema.parse(o);

describe('delivery schedules', () => {
  it('defaults to instant delivery with no quiet hours', () => {
    expect(schedule({})).toEqual({
      delivery: 'instant',
      digestTime: '09:00',
      timeZone: null,
      quietHours: null,
      quietMinSeverity: 'critical',
    });
    expect(() => schedule({ digestTime: '24:00' })).toThrow();
  });

  it('holds a digest until the next digest time in the locale’s zone (Tokyo for ja, UTC else)', () => {
    const at = new Date('2025-04-01T01:30:00Z'); // 10:30 in Tokyo
    const digest = schedule({ delivery: 'digest', digestTime: '09:00' });
    expect(holdUntil(digest, 'ja', 'high', at)).toBe('2025-04-02T00:00:00.000Z');
    expect(holdUntil(digest, 'en-US', 'high', at)).toBe('2025-04-01T09:00:00.000Z');
  });

  it('keeps wall-clock time across a daylight-saving change', () => {
    // New York moves to summer time on 2025-03-09: 09:00 is 14:00Z before and 13:00Z after.
    expect(
      nextLocalTime(new Date('2025-03-08T15:00:00Z'), '09:00', 'America/New_York').toISOString(),
    ).toBe('2025-03-09T13:00:00.000Z');
  });

  it('holds alerts below the chosen severity during quiet hours that span midnight, not a critical one', () => {
    const quiet = schedule({ quietHours: { start: '22:00', end: '07:00' } });
    const night = new Date('2025-04-01T14:30:00Z'); // 23:30 in Tokyo
    expect(inQuietHours(night, { start: '22:00', end: '07:00' }, 'Asia/Tokyo')).toBe(true);
    expect(holdUntil(quiet, 'ja', 'high', night)).toBe('2025-04-01T22:00:00.000Z');
    expect(holdUntil(quiet, 'ja', 'critical', night)).toBeNull();
    expect(holdUntil(quiet, 'ja', 'high', new Date('2025-04-01T03:00:00Z'))).toBeNull();
  });
});

describe('renderDigest', () => {
  const sub = makeGuildSettings('g1', ['c1']).subscriptions[0]!;

  it('groups held alerts by severity, most severe first, in one message when they fit', () => {
    const records = [
      makeStoredPost('p1', '2025-04-01T00:00:00Z', { severity: 'low' }),
      makeStoredPost('p2', '2025-04-01T01:00:00Z', { severity: 'critical' }),
      makeStoredPost('p3', '2025-04-01T02:00:00Z', { severity: 'low' }),
    ];
    const [message, ...more] = renderDigest(records, sub);
    expect(more).toEqual([]);
    expect(message?.content).toBe('ダイジェスト: 保留中の通知3件(緊急 1 · 低 2) — 1/1');
    expect(message?.embeds.map((e) => e.title)).toEqual(['title p2', 'title p1', 'title p3']);
  });

  it('splits into messages of at most 10 embeds and 6000 characters, losing none', () => {
    const records = Array.from({ length: 23 }, (_, i) =>
      makeStoredPost(`p${i}`, '2025-04-01T00:00:00Z', {
        severity: i % 2 ? 'high' : 'medium',
        organization: '株式会社'.repeat(i % 3 === 0 ? 200 : 1),
      }),
    );
    const messages = renderDigest(records, sub);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
    }
    expect(messages.flatMap((m) => m.embeds).length).toBe(23);
    expect(renderDigest([], sub)).toEqual([]);
  });
});
