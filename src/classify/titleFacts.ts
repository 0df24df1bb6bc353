/** Facts read from the title: incident id, announcement date, organisation. */
import type { ClassifierRules } from './rules.js';
import { derived } from './derived.js';
import { globalOf } from './prepare.js';

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
  for (const match of title.matchAll(globalOf(rules.facts.titleDate))) {
    const index = match.index ?? 0;
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
  const time = new Date(timestamp).getTime();
  if (Number.isNaN(time)) return null;
  return new Date(time + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

const HIRAGANA_FREE = '[^\\s\\u3040-\\u309f、。「」『』()⇒【】]';

function orgPatterns(rules: ClassifierRules) {
  return derived(rules, 'orgPatterns', () => {
    const { orgSuffixes, orgEndings } = rules.facts;
    return {
      operator: new RegExp(`${HIRAGANA_FREE}{0,20}(${orgSuffixes.source})${HIRAGANA_FREE}{0,20}`),
      suffixOnly: new RegExp(`^(${orgSuffixes.source})$`),
      endsWithSuffix: new RegExp(`(${orgSuffixes.source})$`),
      endsLikeOrg: new RegExp(`(${orgEndings.source}|${orgSuffixes.source})$`),
      named: new RegExp(
        `(${HIRAGANA_FREE}{1,24}?${orgEndings.source})(?=の|が|で|を|は|に|、|「|\\s|$)`,
      ),
    };
  });
}

/**
 * The victim organisation as the title gives it: the first name after the
 * series tag, the name after the date in `<headline> <date> <org>` titles, or
 * for a PPC action the organisation acted upon.
 */
export function organizationOf(
  title: string,
  lead: string,
  regulatory: boolean,
  rules: ClassifierRules,
): string | null {
  const { orgSuffixes, orgEndings, regulatoryTarget } = rules.facts;
  if (regulatory) {
    const target = regulatoryTarget.exec(title)?.[1];
    if (target) return target.split(/及び|および|並びに|、/)[0]?.trim() || null;
  }
  let rest = title.replace(/【[^】]*】/g, ' ').trim();
  const date = titleDateOf(rest, rules);
  if (date) {
    const afterDate = rest.slice(date.index + date.length).trim();
    if (
      afterDate &&
      afterDate.length <= 40 &&
      (orgSuffixes.test(afterDate) || orgEndings.test(afterDate))
    )
      return afterDate;
    rest = rest.slice(0, date.index).trim();
  }
  const quoted = /^[「『]([^」』]+)[」』]/.exec(rest);
  if (quoted) {
    // A title naming only a service: the operator is the company named at the start of the post.
    const operator = orgPatterns(rules).operator.exec(lead.slice(0, 120));
    return operator ? operator[0].replace(/は$/, '') : (quoted[1] as string);
  }
  const tokens = rest.split(/\s+/).filter((t) => t.length > 0);
  const [first, second] = tokens;
  if (!first) return null;
  const { suffixOnly, endsWithSuffix, endsLikeOrg, named: namedPattern } = orgPatterns(rules);
  if (second && (suffixOnly.test(first) || suffixOnly.test(second))) return `${first} ${second}`;
  if (
    second &&
    endsWithSuffix.test(second) &&
    !orgEndings.test(first) &&
    !orgSuffixes.test(first)
  ) {
    return `${first} ${second}`;
  }
  if (endsLikeOrg.test(first)) return first;
  const named = namedPattern.exec(first);
  if (named && named[1] !== first) return named[1] as string;
  if (first.length > 30) return null;
  return first;
}
