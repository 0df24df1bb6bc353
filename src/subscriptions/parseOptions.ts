/** Parsing of what admins type into command options: id lists, word lists, dates. Errors carry what would work. */
import { CAUSES, KINDS } from '../classify/vocabulary.js';
import type { Limits } from '../config/limits.js';
import { InputError } from '../i18n/userError.js';

export { InputError };

/** Word-list limits; their one source is config/limits.json `wordLists`. */
export type WordListLimits = Limits['wordLists'];

function splitList(raw: string): string[] {
  return raw
    .split(/[,、，]/)
    .map((part) => part.normalize('NFKC').trim())
    .filter((part) => part.length > 0);
}

function parseIds<T extends string>(
  raw: string | null,
  valid: readonly T[],
  what: string,
): T[] | null {
  if (raw === null) return null;
  const ids = splitList(raw).map((id) => id.toLowerCase());
  const bad = ids.filter((id) => !(valid as readonly string[]).includes(id));
  if (bad.length > 0)
    throw new InputError('error.unknown-ids', {
      what,
      bad: bad.join(', '),
      valid: valid.join(', '),
    });
  if (ids.length === 0) throw new InputError('error.list-empty', { what });
  return [...new Set(ids)] as T[];
}

export const parseCauses = (raw: string | null) => parseIds(raw, CAUSES, 'causes');
export const parseKinds = (raw: string | null) => parseIds(raw, KINDS, 'kinds');

/** Comma-separated plain words; null when the option was not given. */
export function parseWords(
  raw: string | null,
  what: string,
  limits: WordListLimits,
): string[] | null {
  if (raw === null) return null;
  const words = [...new Set(splitList(raw))];
  if (words.length === 0) throw new InputError('error.list-empty', { what });
  if (words.length > limits.maxWords || words.some((w) => w.length > limits.maxChars)) {
    throw new InputError('error.list-too-long', {
      what,
      max: limits.maxWords,
      chars: limits.maxChars,
    });
  }
  return words;
}

/** A `YYYY-MM-DD` date that exists; null when not given. */
export function parseDate(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.normalize('NFKC').trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError('error.bad-date', { value: raw });
  }
  return value;
}

/** Typed times: full-width digits and colons become ASCII, and 9:00 reads as 09:00. */
function normalTime(raw: string): string | null {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(raw.normalize('NFKC').trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** An `HH:MM` time of day (24-hour clock); null when not given. */
export function parseTime(raw: string | null): string | null {
  if (raw === null) return null;
  const time = normalTime(raw);
  if (!time) throw new InputError('error.bad-time', { value: raw });
  return time;
}

/** An IANA time zone this runtime knows (as it spells it); null when not given. */
export function parseTimeZone(raw: string | null): string | null {
  if (raw === null) return null;
  const zone = raw.normalize('NFKC').trim();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new InputError('error.bad-zone', { value: raw });
  }
}

/**
 * Quiet hours as `start-end` (22:00-07:00; also with – 〜 ～ or "to"), `off` for none; undefined
 * when not given, null for off.
 */
export function parseQuietHours(
  raw: string | null,
): { start: string; end: string } | null | undefined {
  if (raw === null) return undefined;
  const value = raw.normalize('NFKC').trim().toLowerCase();
  if (['off', 'none', 'なし', 'オフ'].includes(value)) return null;
  const parts = value.split(/\s*(?:-|–|—|~|〜|to)\s*/);
  const [start, end] = parts.length === 2 ? parts.map((p) => normalTime(p)) : [null, null];
  if (!start || !end || start === end)
    throw new InputError('error.bad-quiet-hours', { value: raw });
  return { start, end };
}
