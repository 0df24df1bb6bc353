/**
 * When a subscription's alert may go out, pure: at once, or held until the next digest time or the
 * end of quiet hours, in the subscription's time zone (default Asia/Tokyo for ja, UTC otherwise).
 * Times are computed with Intl, so daylight-saving zones keep their wall-clock times.
 */
import { severityRank, type Severity } from '../classify/vocabulary.js';
import { deliveryScheduleSchema, type DeliverySchedule } from '../store/guildSettings.js';

// The schema lives with the subscription it is stored in (the store may not import upward).
export { deliveryScheduleSchema, type DeliverySchedule };

/** Whether `zone` is a time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function zoneOf(schedule: Pick<DeliverySchedule, 'timeZone'>, locale: string): string {
  return schedule.timeZone ?? (locale.toLowerCase().startsWith('ja') ? 'Asia/Tokyo' : 'UTC');
}

/** Minutes east of UTC of `zone` at `at`. */
function offsetMinutes(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Minutes since local midnight of `at` in `zone`. */
function localMinutes(at: Date, zone: string): number {
  const local = new Date(at.getTime() + offsetMinutes(at, zone) * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** The first instant after `at` when the wall clock in `zone` reads `time` (HH:MM). */
export function nextLocalTime(at: Date, time: string, zone: string): Date {
  const now = localMinutes(at, zone);
  let ahead = minutesOf(time) - now;
  if (ahead <= 0) ahead += 24 * 60;
  const guess = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + ahead * 60_000);
  // Across a daylight-saving change the offset moves: correct the guess by the difference once.
  const drift = offsetMinutes(at, zone) - offsetMinutes(guess, zone);
  return new Date(guess.getTime() + drift * 60_000);
}

/** Whether `at` falls in the quiet hours (which may span midnight: 22:00–07:00). */
export function inQuietHours(
  at: Date,
  quiet: { start: string; end: string },
  zone: string,
): boolean {
  const now = localMinutes(at, zone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/**
 * Until when an alert of `severity` is held (ISO time), or null to send it now. A digest
 * subscription holds everything until its digest time; quiet hours hold what is below
 * `quietMinSeverity` until they end.
 */
export function holdUntil(
  schedule: DeliverySchedule,
  locale: string,
  severity: Severity,
  at: Date,
): string | null {
  const zone = zoneOf(schedule, locale);
  if (schedule.delivery === 'digest')
    return nextLocalTime(at, schedule.digestTime, zone).toISOString();
  const quiet = schedule.quietHours;
  if (!quiet || severityRank(severity) >= severityRank(schedule.quietMinSeverity)) return null;
  return inQuietHours(at, quiet, zone) ? nextLocalTime(at, quiet.end, zone).toISOString() : null;
}
