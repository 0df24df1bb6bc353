/** Facts read from the title: incident id, announcement date, organisation. */
import type { ClassifierRules } from './rules.js';
import { matchesOf } from './prepare.js';
import { timeOf, utcDayOf } from './calendarDay.js';

/** `YYYY-NNN` from `セキュリティ事件簿#YYYY-NNN`. */
export function incidentIdOf(title: string, rules: ClassifierRules): string | null {
  const match = rules.kind.seriesTag.exec(title);
  return match ? `${match[1]}-${(match[2] as string).padStart(3, '0')}` : null;
}

function iso(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface TitleDate {
  date: string;
  index: number;
  length: number;
}

/** The announcement date in the title: the last full date that is not a period's start or end. */
export function titleDateOf(title: string, rules: ClassifierRules): TitleDate | null {
  let found: TitleDate | null = null;
  for (const match of matchesOf(rules.facts.titleDate, title)) {
    const index = match.index;
    const before = title.slice(0, index);
    const after = title.slice(index + match[0].length);
    const insideParens = before.lastIndexOf('(') > before.lastIndexOf(')');
    if (
      insideParens ||
      rules.facts.titleDateExcluded.test(before) ||
      rules.facts.titleDateExcludedAfter.test(after)
    ) {
      continue;
    }
    const date = iso(match[1] as string, match[2] as string, match[3] as string);
    if (date) found = { date, index, length: match[0].length };
  }
  return found;
}

/** The date part of a timestamp in Japan time (the blog's own calendar). */
export function japanDateOf(timestamp: string | null): string | null {
  if (!timestamp) return null;
  const time = timeOf(timestamp);
  if (Number.isNaN(time)) return null;
  return utcDayOf(time + 9 * 3600 * 1000);
}
