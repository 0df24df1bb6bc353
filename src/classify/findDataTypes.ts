/**
 * Data types named as leaked, exposed or at risk. A word counts where its
 * sentence (or, on a short list line, the lines above it) talks about data or
 * a leak, and not where the post says the item was not included.
 */
import type { Reason } from './classification.js';
import { patternInfoOf } from './patterns.js';
import { mayMatch, postWordsOf } from './prefilter.js';
import { boundsOf, occursIn, spanIn, windowIn } from './scanWindow.js';
import { globalOf, piecesAfterStops, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import { DATA_TYPES, type DataType } from './vocabulary.js';
import { otherListItem } from './otherDataItems.js';

/** Characters after a data word that the negation pattern may read (its own bounds are smaller). */
const NEGATION_WINDOW = 200;

export interface DataTypesResult {
  dataTypes: DataType[];
  reason: Reason;
}

/** The sentence of a word on a long line; on a short list line, the lines above it too. */
function contextOf(
  post: PreparedPost,
  lineIndex: number,
  sentence: string,
  rules: ClassifierRules,
): string {
  const line = post.lines[lineIndex] ?? '';
  const previous = lineIndex > 0 ? (post.lines[lineIndex - 1] ?? '') : '';
  if (line.length > rules.dataContext.listLineMaxChars) {
    return `${previous}\n${sentence}`;
  }
  const from = Math.max(0, lineIndex - rules.dataContext.headingLookback);
  return post.lines.slice(from, lineIndex + 1).join('\n');
}

/** The stretch of the text that holds every present type's span; null where one has none. */
function reachOf(
  present: readonly DataType[],
  spans: ReadonlyMap<DataType, { from: number; to: number }>,
): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const type of present) {
    const span = spans.get(type);
    if (!span) return null;
    from = Math.min(from, span.from);
    to = Math.max(to, span.to);
  }
  return { from, to };
}

export function findDataTypes(post: PreparedPost, rules: ClassifierRules): DataTypesResult {
  const found = new Map<DataType, string>();
  const { leak, negation, exclude, listLineMaxChars, excludeLookback } = rules.dataContext;
  const at = postWordsOf(post, rules).textAt;
  // Where in the text each present type's matches can lie: a sentence outside it holds none.
  const spans = new Map<DataType, { from: number; to: number }>();
  const present = DATA_TYPES.filter((type) => {
    const re = rules.dataTypes[type];
    if (!mayMatch(post, re, rules)) return false;
    const bounds = boundsOf(re, rules);
    const span = spanIn(at, bounds);
    if (span) spans.set(type, span);
    return occursIn(re, windowIn(post.text, at, bounds));
  });
  // A pattern whose words the post lacks holds nowhere in it (one prefilter pass per post).
  const mayExclude = mayMatch(post, exclude, rules);
  const mayNegate = mayMatch(post, negation, rules);
  const mayLeak = mayMatch(post, leak, rules);
  // A sentence's verdicts, shared by the named types and the list items read as `other`.
  const excludedAt = (lineIndex: number, sentence: string): boolean => {
    if (!mayExclude) return false;
    const line = post.lines[lineIndex] ?? '';
    const above =
      line.length <= listLineMaxChars
        ? post.lines.slice(Math.max(0, lineIndex - excludeLookback), lineIndex)
        : [];
    return exclude.test(sentence) || above.some((l) => exclude.test(l));
  };
  const leakContextAt = (lineIndex: number, sentence: string): boolean =>
    mayLeak && leak.test(contextOf(post, lineIndex, sentence, rules));
  const negatedAfter = (sentence: string, end: number): boolean =>
    mayNegate && negation.test(sentence.slice(end, end + NEGATION_WINDOW));
  const reach = reachOf(present, spans);
  let lineStart = 0;
  post.lines.forEach((line, lineIndex) => {
    let sentenceStart = lineStart;
    lineStart += line.length + 1;
    // A line outside every present type's span holds none of their words: not cut into pieces.
    if (found.size === present.length) return;
    if (reach && (sentenceStart + line.length <= reach.from || sentenceStart >= reach.to)) return;
    for (const sentence of piecesAfterStops(line)) {
      const start = sentenceStart;
      sentenceStart += sentence.length;
      // Verdicts for the sentence, computed once however many data words it holds.
      let excluded: boolean | undefined;
      let inLeakContext: boolean | undefined;
      for (const type of present) {
        if (found.has(type)) continue;
        const span = spans.get(type);
        if (span && (start + sentence.length <= span.from || start >= span.to)) continue;
        // The global twin's exec (matchAll copies the RegExp): its first match, then the rest.
        const g = globalOf(rules.dataTypes[type]);
        g.lastIndex = 0;
        let match = g.exec(sentence);
        if (match === null) continue;
        excluded ??= excludedAt(lineIndex, sentence);
        if (excluded) break;
        for (; match !== null; match = g.exec(sentence)) {
          if (match[0].length === 0) g.lastIndex++;
          const end = match.index + match[0].length;
          // "…は含まれておりません": the post says this item was not involved. The window is
          // bounded so that a huge line without 。 stays linear.
          if (negatedAfter(sentence, end)) continue;
          inLeakContext ??= leakContextAt(lineIndex, sentence);
          if (inLeakContext) found.set(type, match[0]);
          break;
        }
      }
    }
  });
  // A further item of a list that names known types (…、基礎年金番号、給与の支給額等) is `other`.
  let otherWay: string | null = null;
  if (found.size > 0 && !found.has('other')) {
    const listed = otherListItem(
      post,
      rules,
      (lineIndex, sentence) =>
        !excludedAt(lineIndex, sentence) && leakContextAt(lineIndex, sentence),
    );
    // "…、車台番号は流出しておりません": the item is negated after it, as a named type's word is.
    if (listed && !negatedAfter(listed.sentence, listed.end)) {
      found.set('other', listed.word);
      otherWay = listed.patternId;
    }
  }
  const dataTypes = DATA_TYPES.filter((t) => found.has(t));
  // Each type names the pattern that found it (data.name, data.credit-card…).
  const matches = dataTypes.map((t) => ({
    patternId:
      t === 'other' && otherWay ? otherWay : (patternInfoOf(rules.dataTypes[t])?.id ?? `data.${t}`),
    words: [found.get(t) as string],
    count: 1,
  }));
  const first = matches[0];
  return {
    dataTypes,
    reason: {
      label: 'dataTypes',
      value: dataTypes.join(',') || 'none',
      rule: dataTypes.length > 0 ? 'dataTypes.named-in-leak-context' : 'dataTypes.none-named',
      evidence: dataTypes.map((t) => found.get(t) as string).slice(0, 8),
      ...(first ? { patternId: first.patternId, words: first.words, count: 1 } : {}),
      matches,
    },
  };
}
