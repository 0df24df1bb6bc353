/**
 * "People affected", per the spec: a stated total wins; separate groups listed
 * one per line add up; otherwise the largest figure (a figure included in
 * another, or the same people counted twice, never adds). People figures
 * (名, 人) beat record-like ones (件), and records (mails, files) count only
 * where nothing else is given. Mails sent as spam are not people.
 */
import type { CountMention } from './countMentions.js';

export interface AffectedResult {
  value: number | null;
  rule: string;
  evidence: string[];
}

function largest(mentions: CountMention[]): CountMention {
  return mentions.reduce((best, m) => (m.value > best.value ? m : best));
}

/** Sum of the groups of a list; when one line is the sum of the others it is their total. */
function listGroups(mentions: CountMention[]): { value: number; parts: CountMention[] } | null {
  const byLine = new Map<number, CountMention>();
  for (const m of mentions)
    if (m.listItem && !m.breakdown && !byLine.has(m.line)) byLine.set(m.line, m);
  const seenTexts = new Set<string>();
  const parts = [...byLine.values()].filter(
    (m) => !seenTexts.has(m.text) && (seenTexts.add(m.text), true),
  );
  if (parts.length < 2) return null;
  const sum = parts.reduce((s, m) => s + m.value, 0);
  const top = largest(parts);
  return { value: top.value * 2 === sum ? top.value : sum, parts };
}

/** Groups enumerated in one pair of parentheses (`(1年生 120名、2年生 115名、3年生 130名)`), added up. */
function enumeratedGroups(
  mentions: CountMention[],
): { value: number; parts: CountMention[] } | null {
  const byId = new Map<string, CountMention[]>();
  for (const m of mentions)
    if (m.enumeration) byId.set(m.enumeration, [...(byId.get(m.enumeration) ?? []), m]);
  const best = [...byId.values()]
    .filter((parts) => parts.length >= 2)
    .sort((a, b) => b.length - a.length)[0];
  return best ? { value: best.reduce((s, m) => s + m.value, 0), parts: best } : null;
}

/** Picks the number of people affected from the post's count mentions. */
export function pickAffected(mentions: readonly CountMention[]): AffectedResult {
  const usable = mentions.filter((m) => m.relevant && !m.spam && !m.included);
  const tier = (['strong', 'weak', 'record'] as const).find((t) =>
    usable.some((m) => m.tier === t),
  );
  if (!tier) return { value: null, rule: 'affected.none-stated', evidence: [] };
  // Beside counts of people, a list line of a group of people counts people whatever its unit
  // (従業員 3,400名 / お取引先のご担当者 約1万2千件: two groups to add up).
  const candidates = usable.filter(
    (m) => m.tier === tier || (tier === 'strong' && m.tier === 'weak' && m.peopleGroup),
  );
  const totals = candidates.filter((m) => m.total);
  if (totals.length > 0) {
    const total = largest(totals);
    return { value: total.value, rule: 'affected.stated-total', evidence: [total.text] };
  }
  const top = largest(candidates);
  const groups = [listGroups(candidates), enumeratedGroups(candidates)]
    .filter((g): g is NonNullable<typeof g> => g !== null)
    .sort((a, b) => b.value - a.value)[0];
  if (groups && groups.value > top.value) {
    return {
      value: groups.value,
      rule: 'affected.sum-of-listed-groups',
      evidence: groups.parts.map((m) => m.text),
    };
  }
  return {
    value: top.value,
    rule: tier === 'record' ? 'affected.records-only' : 'affected.largest-figure',
    evidence: [top.text],
  };
}

/** The largest number of spam or phishing mails the post says were sent, if it gives one. */
export function pickSpamCount(mentions: readonly CountMention[]): CountMention | null {
  const spam = mentions.filter((m) => m.spam && !m.included);
  return spam.length > 0 ? largest(spam) : null;
}
