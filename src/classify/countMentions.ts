/**
 * Finds the counts a post gives ("14,933名", "約2.2万件", "計761件") with the
 * context that decides what each one counts: people or records, a total, a
 * figure included in another, spam recipients, a line of a list of groups.
 */
import { NUMBER_PATTERN, parseJapaneseNumber } from './japaneseNumber.js';
import { matchesOf } from './prepare.js';

export interface CountRules {
  strongUnits: string[];
  weakUnits: string[];
  recordUnits: string[];
  totalPrefix: RegExp;
  includedAfter: RegExp;
  itemsAfter: RegExp;
  includesAnother: RegExp;
  refersAbove: RegExp;
  excludedAfter: RegExp;
  /** After a count, the figure it was revised to (`当初の320人から1,150人に`): the earlier is superseded. */
  revisedFrom: RegExp;
  partOfBefore: RegExp;
  relevance: RegExp;
  recordBefore: RegExp;
  /** After a weak count, a noun for people or accounts (`2万件の会員アカウント`): it counts people. */
  peopleAfter: RegExp;
  /** Before and after a count of the staff who used a hijacked account or device (`職員1人が使うメールアカウント`): no one's data. */
  actorBefore: RegExp;
  actorAfter: RegExp;
  /** Before a count of posts made from a hijacked social account (`投稿が3件`): no one's data. */
  postsBefore: RegExp;
  /** A table row or list line labelled as what it counts (`対象 生徒 1,234名`): its counts are relevant. */
  rowLabel: RegExp;
  spamContext: RegExp;
  breakdown: RegExp;
  groupNouns: RegExp;
  windowBefore: number;
  windowAfter: number;
  /** Data-type words, which also make a count relevant. */
  dataWords?: RegExp;
}

export interface CountMention {
  value: number;
  unit: string;
  /** people (名, 人, …), weak (件, 社: people or records), or records (枚, mails, files). */
  tier: 'strong' | 'weak' | 'record';
  text: string;
  line: number;
  /** Where the count starts on its line, in code units. */
  at: number;
  /** Prefixed by 計/合計/総数/のべ: a stated total. */
  total: boolean;
  /** A figure included in another (`X件を含む`, `うちX名`), left out (`を除く`) or revised (`当初のX人から…`). */
  included: boolean;
  /** Counts mails sent (spam or phishing from a hijacked account), not people. */
  spam: boolean;
  /** Near words about data or a leak. */
  relevant: boolean;
  /** The words around the count (and the line above a short line). */
  near: string;
  /** Ends its line: one group of a list such as `学内学生 849件`. */
  listItem: boolean;
  /** A list line whose label is a group of people and names no data: `お取引先のご担当者 約1万2千件:…`. */
  peopleGroup: boolean;
  /** A sub-count under `内訳` (breakdown of a group already counted). */
  breakdown: boolean;
  /** Counts enumerated inside one pair of parentheses (`(1年生 120名、2年生 115名)`) share an id. */
  enumeration: string | null;
}

/** How far a parenthesis may be from a count it encloses (keeps long lines linear). */
const PAREN_REACH = 120;

/** The parenthesised span around [start, end) on `line`, as `line:open`, if the counts sit in one. */
function enclosingParens(
  line: string,
  lineIndex: number,
  start: number,
  end: number,
): string | null {
  // Only the reach before the count is read: a long line of counts stays linear.
  const from = Math.max(0, start - PAREN_REACH);
  const before = line.slice(from, start);
  const openAt = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
  if (openAt === -1) return null;
  if (Math.max(before.lastIndexOf(')'), before.lastIndexOf('）')) > openAt) return null;
  const open = from + openAt;
  const close = line.slice(end, end + PAREN_REACH).search(/[)）]/);
  if (close === -1 || /うち|内訳/.test(line.slice(open, end + close))) return null;
  return `${lineIndex}:${open}`;
}

/** The kanji numerals a count may be written in (NUMBER_PATTERN's second way). */
const KANJI_DIGITS = '一二三四五六七八九十百千';

function mentionRegex(rules: CountRules): RegExp {
  const units = [...rules.strongUnits, ...rules.weakUnits, ...rules.recordUnits]
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  // Every match opens with a digit or a kanji numeral (both ways of NUMBER_PATTERN do): the
  // lookahead, tested first, rejects most positions before the lookbehind is read (~17% off
  // the scan of a post's lines; the same matches).
  return new RegExp(
    `(?=[\\d${KANJI_DIGITS}])(?<![\\d.,数何第万億])(${NUMBER_PATTERN})\\s?(${units})`,
    'g',
  );
}

const compiled = new WeakMap<CountRules, RegExp>();

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * The matches of the count regex on each of `lines`, as a scan of each line gives them
 * (indexes are the line's), from one scan of `text`, the lines joined by line breaks: one
 * `exec` series a post instead of one a line, and no numeral test per line. The pattern
 * reads one character behind its match (a line break there reads as a line's start) and
 * nothing after it, so a match that stays on its line is the line's own; only one that
 * runs over a line break (`\s?` may take it) is redone line by line, and the text's scan
 * goes on from the start of the line after it.
 */
function matchesByLine(
  regex: RegExp,
  lines: readonly string[],
  text: string,
): (readonly RegExpExecArray[])[] {
  const byLine: (readonly RegExpExecArray[])[] = new Array<readonly RegExpExecArray[]>(
    lines.length,
  ).fill(NO_MATCHES);
  let line = 0;
  let lineStart = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    while (match.index >= lineStart + (lines[line] ?? '').length + 1) {
      lineStart += (lines[line] ?? '').length + 1;
      line++;
    }
    const end = match.index + match[0].length;
    if (end <= lineStart + (lines[line] ?? '').length) {
      match.index -= lineStart;
      const found = byLine[line] as RegExpExecArray[];
      if (found === NO_MATCHES) byLine[line] = [match];
      else found.push(match);
      continue;
    }
    // Over a line break: the lines it touches are scanned on their own (the first one's
    // matches found so far are found again).
    for (;;) {
      byLine[line] = matchesOf(regex, lines[line] ?? '');
      lineStart += (lines[line] ?? '').length + 1;
      line++;
      if (lineStart >= end || line >= lines.length) break;
    }
    regex.lastIndex = lineStart;
  }
  regex.lastIndex = 0;
  return byLine;
}

/**
 * Every count in `lines` (the post's text split into lines), with its context
 * flags. `mayOccur` says whether a pattern can hold anywhere in the post (the
 * prefilter's answer); a pattern that cannot is not run. `text` is `lines` joined by line
 * breaks (the post's text, where the caller has it).
 */
export function findCountMentions(
  lines: readonly string[],
  rules: CountRules,
  mayOccur: (re: RegExp) => boolean = () => true,
  text: string = lines.join('\n'),
): CountMention[] {
  let regex = compiled.get(rules);
  if (!regex) {
    regex = mentionRegex(rules);
    compiled.set(rules, regex);
  }
  const test = (re: RegExp) => {
    const may = mayOccur(re);
    return (text: string) => may && re.test(text);
  };
  const breakdown = test(rules.breakdown);
  const totalPrefix = test(rules.totalPrefix);
  const includedAfter = test(rules.includedAfter);
  const itemsAfter = test(rules.itemsAfter);
  const includesAnother = test(rules.includesAnother);
  const refersAbove = test(rules.refersAbove);
  const excludedAfter = test(rules.excludedAfter);
  const revisedFrom = test(rules.revisedFrom);
  const partOfBefore = test(rules.partOfBefore);
  const relevance = test(rules.relevance);
  const recordBefore = test(rules.recordBefore);
  const peopleAfter = test(rules.peopleAfter);
  const actorBefore = test(rules.actorBefore);
  const actorAfter = test(rules.actorAfter);
  const postsBefore = test(rules.postsBefore);
  const rowLabel = test(rules.rowLabel);
  const spamContext = test(rules.spamContext);
  const groupNouns = test(rules.groupNouns);
  const dataWords = rules.dataWords ? test(rules.dataWords) : () => false;
  const relevant = (t: string) => relevance(t) || dataWords(t);
  // A list line's label that names a group of people and no data (お取引先のご担当者, 従業員・退職者).
  const peopleGroupLabel = (label: string) =>
    label.length <= 24 && groupNouns(label) && !dataWords(label) && !recordBefore(label);
  // What a long line's relevance read from its (unused) second text, the empty string.
  const emptyRelevant = relevant('');
  const mentions: CountMention[] = [];
  let inBreakdown = false;
  const countsByLine = matchesByLine(regex, lines, text);
  lines.forEach((line, lineIndex) => {
    const previous = lineIndex > 0 ? (lines[lineIndex - 1] ?? '') : '';
    if (breakdown(line)) inBreakdown = true;
    const counts = countsByLine[lineIndex] as readonly RegExpExecArray[];
    if (counts.length === 0) return;
    // A short list line reads its heading from up to three lines above ("【対象件数】" / "…様 1,200名" / "…者 300名").
    let above: string | undefined;
    const labelled = rowLabel(line);
    const aboveRelevant = () =>
      relevant((above ??= lines.slice(Math.max(0, lineIndex - 3), lineIndex).join('\n')));
    // A count revised on this line (当初の320人から…): the figure after it takes its relevance.
    let revised = null as { end: number; relevant: boolean } | null;
    for (const match of counts) {
      const [text, numberText, unit] = match as unknown as [string, string, string];
      const value = parseJapaneseNumber(numberText);
      if (!Number.isFinite(value) || value <= 0) continue;
      const start = match.index ?? 0;
      const end = start + text.length;
      // Context stays within the sentence; a short line, or a count opening its line, takes
      // the line above as its heading ("4 送信されたメール件数" / "129,975件").
      const heading = line.length <= 30 || start === 0 || previous.length <= 30 ? previous : '';
      const before = line
        .slice(Math.max(0, start - rules.windowBefore), start)
        .replace(/^.*。/, '');
      const after = line.slice(end, end + rules.windowAfter).replace(/。.*$/, '');
      const near = `${heading}\n${before}${text}${after}`;
      // Nothing but closing punctuation after the count (checked from the front: linear on long
      // lines), or the group's items after a colon or in brackets, on a line that says of no
      // figure that it includes another (…5,120件(上記カード情報の件数を含む)).
      const rest = line.slice(end);
      const itemised = itemsAfter(rest) && !includesAnother(rest) && !refersAbove(line);
      const tail = itemised || /^[\s)）。、.]*$/.test(rest) ? '' : 'x';
      // One count closing its line, alone on it: a group of a list ("学内学生 849件",
      // "お取引先のご担当者 約1万2千件:氏名、電話番号", "(2)従業員 1,240名分(氏名、住所)").
      const listItem = tail.length === 0 && start > 0 && counts.length === 1;
      const groupLed = groupNouns(line.slice(Math.max(0, start - 40), start));
      if (listItem && groupLed) inBreakdown = inBreakdown && breakdown(line);
      let tier: CountMention['tier'] = rules.strongUnits.includes(unit) ? 'strong' : 'weak';
      if (tier === 'weak' && peopleAfter(after)) {
        tier = 'strong';
      } else if (
        rules.recordUnits.includes(unit) ||
        (tier === 'weak' && recordBefore(`${heading}\n${before}`))
      ) {
        tier = 'record';
      }
      const supersedes: boolean = revised !== null && start - revised.end <= 8;
      const superseded = revisedFrom(after);
      // Relevance may come from a list's heading a few lines up; spam and records only from the line above.
      const isRelevant: boolean =
        !(actorBefore(before) && actorAfter(after)) &&
        !postsBefore(before) &&
        ((supersedes && (revised?.relevant ?? false)) ||
          labelled ||
          relevant(near) ||
          (line.length <= 30 ? aboveRelevant() : emptyRelevant));
      revised = superseded ? { end, relevant: isRelevant } : null;
      mentions.push({
        value,
        unit,
        tier,
        text: `${before.slice(-12)}${text}`.trim(),
        line: lineIndex,
        at: start,
        total: totalPrefix(before),
        included:
          includedAfter(after) || excludedAfter(after) || superseded || partOfBefore(before),
        near,
        spam: spamContext(near),
        relevant: isRelevant,
        listItem,
        peopleGroup: listItem && peopleGroupLabel(line.slice(0, start)),
        breakdown: inBreakdown && !breakdown(line.slice(start, start + 40)) && !groupLed,
        enumeration: enclosingParens(line, lineIndex, start, end),
      });
    }
  });
  return mentions;
}
