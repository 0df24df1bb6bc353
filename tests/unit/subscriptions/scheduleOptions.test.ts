/** What admins type for digests and quiet hours, read into a subscription's schedule (or refused in words). */
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/i18n.js';
import {
  parseQuietHours,
  parseTime,
  parseTimeZone,
  type InputError,
} from '../../../src/subscriptions/parseOptions.js';
import { describeSchedule } from '../../../src/subscriptions/describeSchedule.js';
import { subscribe } from '../../../src/subscriptions/subscribe.js';
import { guildSettingsSchema, subscriptionSchema } from '../../../src/store/guildSettings.js';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected an InputError');
};

describe('schedule options', () => {
  it('reads times also typed as 9:00 or with full-width digits, and refuses 24:00', () => {
    expect(parseTime('9:00')).toBe('09:00');
    expect(parseTime('２１：３０')).toBe('21:30');
    expect(parseTime(null)).toBeNull();
    const err = errorOf(() => parseTime('24:00'));
    expect(err.key).toBe('error.bad-time');
    expect(t('ja', err.key, err.params)).toContain('24:00');
  });

  it('reads an IANA zone in its own spelling and refuses an unknown one', () => {
    expect(parseTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(errorOf(() => parseTimeZone('Mars/Olympus')).key).toBe('error.bad-zone');
  });

  it('reads quiet hours spanning midnight, with Japanese dashes, and off', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ start: '22:00', end: '07:00' });
    expect(parseQuietHours('２２:００〜７:００')).toEqual({ start: '22:00', end: '07:00' });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours(null)).toBeUndefined();
    expect(errorOf(() => parseQuietHours('22:00')).key).toBe('error.bad-quiet-hours');
    expect(errorOf(() => parseQuietHours('07:00-07:00')).key).toBe('error.bad-quiet-hours');
  });

  it('loads a subscription stored before digests as instant with no quiet hours', () => {
    const old = {
      guildId: 'g1',
      channelId: 'c1',
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    };
    const settings = guildSettingsSchema.parse({
      guildId: 'g1',
      subscriptions: [old],
      updatedAt: old.updatedAt,
    });
    expect(settings.subscriptions[0]).toMatchObject({
      delivery: 'instant',
      digestTime: '09:00',
      timeZone: null,
      quietHours: null,
      quietMinSeverity: 'critical',
    });
  });

  it('keeps the schedule on a re-subscribe that does not mention it, and turns quiet hours off on request', () => {
    const at = '2024-01-01T00:00:00Z';
    const first = subscribe(
      null,
      'g1',
      {
        channelId: 'c1',
        locale: 'ja',
        delivery: 'digest',
        digestTime: '08:30',
        quietHours: { start: '22:00', end: '07:00' },
      },
      at,
    );
    const again = subscribe(first.settings, 'g1', { channelId: 'c1', locale: 'ja' }, at);
    expect(again.subscription).toMatchObject({ delivery: 'digest', digestTime: '08:30' });
    expect(again.subscription.quietHours).toEqual({ start: '22:00', end: '07:00' });
    const off = subscribe(
      again.settings,
      'g1',
      { channelId: 'c1', locale: 'ja', quietHours: null },
      at,
    );
    expect(off.subscription.quietHours).toBeNull();
  });

  it('describes the schedule in words in both languages, zone from the locale by default', () => {
    const sub = (o: object) =>
      subscriptionSchema.parse({
        guildId: 'g',
        channelId: 'c',
        createdAt: 'x',
        updatedAt: 'x',
        ...o,
      });
    expect(describeSchedule(sub({ locale: 'ja', delivery: 'digest' }), 'ja', 3)).toBe(
      '毎日 09:00(Asia/Tokyo)にまとめて送信 · 保留中の通知 3件',
    );
    expect(describeSchedule(sub({ quietHours: { start: '22:00', end: '07:00' } }), 'en', 0)).toBe(
      'sent at once · quiet 22:00–07:00 (UTC): below Critical waits · nothing held',
    );
  });
});
