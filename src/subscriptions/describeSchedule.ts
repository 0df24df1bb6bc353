/** A subscription's delivery schedule in words, for /alerts subscribe and /alerts list. */
import { t, type Lang } from '../i18n/i18n.js';
import { severityLabel } from '../i18n/labels.js';
import type { Subscription } from '../store/guildSettings.js';
import { zoneOf } from './deliverySchedule.js';

/**
 * "a digest every day at 09:00 (Asia/Tokyo) · quiet 22:00–07:00 …", and, when `held` is given, how
 * many alerts wait for it.
 */
export function describeSchedule(subscription: Subscription, lang: Lang, held?: number): string {
  const zone = zoneOf(subscription, subscription.locale);
  const parts = [
    subscription.delivery === 'digest'
      ? t(lang, 'schedule.digest', { time: subscription.digestTime, zone })
      : t(lang, 'schedule.instant'),
  ];
  if (subscription.forum) parts.push(t(lang, 'schedule.forum'));
  else if (subscription.threads) parts.push(t(lang, 'schedule.threads'));
  const quiet = subscription.quietHours;
  if (quiet && subscription.delivery === 'instant')
    parts.push(
      t(lang, 'schedule.quiet', {
        start: quiet.start,
        end: quiet.end,
        zone,
        severity: severityLabel(subscription.quietMinSeverity, lang),
      }),
    );
  if (held !== undefined)
    parts.push(
      held > 0 ? t(lang, 'schedule.held', { count: held }) : t(lang, 'schedule.none-held'),
    );
  return parts.join(' · ');
}
