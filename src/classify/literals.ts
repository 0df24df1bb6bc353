/**
 * The literal words a regular expression cannot match without: for
 * `不正(アクセス|ログイン)|乗っ取られ` every match contains 不正 or 乗っ取られ.
 * The prefilter runs a pattern only where one of its words occurs. Where a
 * branch has no such word (a class, a wildcard, an optional group first), the
 * answer is null and the pattern always runs: the prefilter may let a pattern
 * run in vain, never skip one that would match.
 */

/** Splits `source` at its top-level `|`, minding escapes, classes and groups. */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** Index just past the group or class that opens at `i`. */
function closing(source: string, i: number): number {
  if (source[i] === '[') {
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === ']') return j + 1;
    }
    return source.length;
  }
  let depth = 0;
  let inClass = false;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return source.length;
}

/** Whether the atom ending before `i` may occur zero times (`?`, `*`, `{0,n}`). */
function optionalAt(source: string, i: number): boolean {
  const q = source[i];
  return q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(source.slice(i)));
}

/** Length of a quantifier at `i` (`?`, `+`, `{2,5}`, with a lazy `?`), or 0. */
function quantifierLength(source: string, i: number): number {
  const m = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
  return m ? m[0].length : 0;
}

const ESCAPED_LITERAL = /^[.\\/()[\]{}|?*+^$\-「」]$/;

/** The words one branch needs: its longest mandatory literal run, or a mandatory group's words. */
function branchWords(branch: string): string[] | null {
  let best = '';
  let run = '';
  let groupWords: string[] | null = null;
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < branch.length;) {
    const c = branch[i] as string;
    if (c === '(' || c === '[') {
      const end = closing(branch, i);
      const optional = optionalAt(branch, end);
      const body = branch.slice(i, end);
      endRun();
      // A mandatory capturing or non-capturing group (not a lookaround) stands for its own words.
      if (c === '(' && !optional && !/^\(\?[=!<]/.test(body)) {
        const inner = literalWordsOf(body.replace(/^\((\?:)?/, '').replace(/\)$/, ''));
        // Of several mandatory groups, the one whose shortest word is longest filters best.
        if (inner && (!groupWords || shortest(inner) > shortest(groupWords))) groupWords = inner;
      }
      i = end + quantifierLength(branch, end);
      continue;
    }
    let literal: string | null = null;
    let width = 1;
    if (c === '\\') {
      const next = branch[i + 1] ?? '';
      literal = ESCAPED_LITERAL.test(next) ? next : null;
      // \uXXXX and \xXX are one character: their hex digits are no literal run.
      width = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.test(branch.slice(i))
        ? next === 'u'
          ? 6
          : 4
        : 2;
    } else if (!'.^$'.includes(c)) {
      literal = c;
    }
    const q = quantifierLength(branch, i + width);
    if (literal === null || optionalAt(branch, i + width)) {
      endRun();
    } else {
      run += literal;
      if (q > 0) endRun();
    }
    i += width + q;
  }
  endRun();
  if (groupWords && shortest(groupWords) > best.length) return groupWords;
  return best.length > 0 ? [best] : groupWords;
}

const shortest = (words: readonly string[]) => Math.min(...words.map((w) => w.length));

/** The literal words, one of which every match of `source` contains; null where unknown. */
export function literalWordsOf(source: string): string[] | null {
  const words: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const needed = branchWords(branch);
    if (!needed || needed.length === 0 || needed.some((w) => w.length === 0)) return null;
    words.push(...needed);
  }
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/**
 * The sources of `re`'s top-level branches where each can be run as a pattern of its own
 * and the leftmost-first match of the whole is the leftmost of the branches' (ties to the
 * earlier branch): two branches or more, no back-reference (a branch alone renumbers its
 * groups), each compiling with `re`'s flags. Null where the pattern runs whole.
 */
export function separableBranchesOf(re: RegExp): string[] | null {
  if (/\\(?:[1-9]|k<)/.test(re.source)) return null;
  const branches = topLevelBranches(re.source);
  if (branches.length < 2) return null;
  try {
    for (const branch of branches) new RegExp(branch, re.flags);
  } catch {
    return null;
  }
  return branches;
}

/** At most this many strings in a finite set of a pattern's words (keeps the tries small). */
const FINITE_CAP = 64;

/** A set of strings that one element of a pattern matches exactly, or null where it is not finite. */
type Finite = string[] | null;

/** Index just past a quantifier at `i`, and whether it allows zero or many (only `?` keeps a set finite). */
function finiteQuantifier(
  source: string,
  i: number,
): { width: number; kind: 'one' | 'optional' | 'many' } {
  const width = quantifierLength(source, i);
  if (width === 0) return { width, kind: 'one' };
  const q = source.slice(i, i + width).replace(/\?$/, '') || '?';
  return { width, kind: q === '?' ? 'optional' : 'many' };
}

/** The concatenations of `a`'s and `b`'s strings, or null past the cap. */
function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > FINITE_CAP) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/**
 * A branch read as a sequence of elements, each the finite set of strings it matches (a
 * literal, a class of listed characters, a group of such branches, optionally with `?`; a
 * zero-width assertion matches "") or null (a wildcard, an open quantifier, `\d`…).
 */
function finiteElements(branch: string): Finite[] {
  const elements: Finite[] = [];
  for (let i = 0; i < branch.length;) {
    const c = branch[i] as string;
    let set: Finite;
    let width: number;
    if (c === '(') {
      width = closing(branch, i) - i;
      const body = branch.slice(i, i + width);
      if (/^\(\?<?[=!]/.test(body)) set = [''];
      else
        set = finiteAlternation(
          body.replace(/^\((\?:|\?<[A-Za-z_$][\w$]*>)?/, '').replace(/\)$/, ''),
        );
    } else if (c === '[') {
      width = closing(branch, i) - i;
      const body = branch.slice(i + 1, i + width - 1);
      set = body.length > 0 && !/[\\^-]/.test(body) ? [...new Set(body)] : null;
    } else if (c === '\\') {
      const next = branch[i + 1] ?? '';
      const hex = /^\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(branch.slice(i));
      width = hex ? hex[0].length : 2;
      set = ESCAPED_LITERAL.test(next) ? [next] : next === 'b' || next === 'B' ? [''] : null;
    } else {
      width = 1;
      set = c === '^' || c === '$' ? [''] : c === '.' ? null : [c];
    }
    const q = finiteQuantifier(branch, i + width);
    if (q.kind === 'many') set = null;
    else if (q.kind === 'optional' && set) set = [...new Set([...set, ''])];
    elements.push(set);
    i += width + q.width;
  }
  return elements;
}

/** The strings an alternation matches where each branch's are finite (null otherwise or past the cap). */
function finiteAlternation(source: string): Finite {
  const out = new Set<string>();
  for (const branch of topLevelBranches(source)) {
    let strings: string[] | null = [''];
    for (const element of finiteElements(branch)) {
      strings = element && strings ? product(strings, element) : null;
      if (!strings) return null;
    }
    for (const s of strings ?? []) out.add(s);
    if (out.size > FINITE_CAP) return null;
  }
  return [...out];
}

/**
 * Words one branch needs, from the finite sets of consecutive elements: every match holds,
 * where those elements match, one of their concatenations (`(当|本|弊)(社|市…)…を(装|騙|かた)`
 * holds を装, を騙 or をかた). The best run has the longest shortest word (up to 4), then the
 * fewest words; null where no run gives words of two code units or more.
 */
function finiteBranchWords(branch: string): string[] | null {
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const { words } of finiteRuns(finiteElements(branch))) {
    const length = Math.min(4, shortest(words));
    if (length > bestShortest || (length === bestShortest && best && words.length < best.length)) {
      best = words;
      bestShortest = length;
    }
  }
  return best;
}

/**
 * The words the prefilter gates `source` by: each top-level branch's literal words, or the
 * words of its finite runs (`finiteBranchWords`) where their shortest is longer (up to 4
 * code units: 他の方… rather than 情報); null where some branch has no words of two code
 * units or more (the pattern always runs).
 */
export function gateWordsOf(source: string): string[] | null {
  const words: string[] = [];
  for (const branch of topLevelBranches(source)) {
    const literal = branchWords(branch);
    const finite = finiteBranchWords(branch);
    // The literal words stay where the finite runs give no longer shortest word.
    const literalLength = literal && literal.length > 0 ? Math.min(4, shortest(literal)) : 0;
    const needed = finite && Math.min(4, shortest(finite)) > literalLength ? finite : literal;
    if (!needed || needed.length === 0 || shortest(needed) < 2) return null;
    words.push(...needed);
  }
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** Every run of consecutive finite elements whose words are two code units or longer. */
function finiteRuns(elements: readonly Finite[]): { from: number; to: number; words: string[] }[] {
  const runs: { from: number; to: number; words: string[] }[] = [];
  for (let a = 0; a < elements.length; a++) {
    let strings: string[] | null = [''];
    for (let b = a; b < elements.length; b++) {
      const element = elements[b];
      strings = element && strings ? product(strings, element) : null;
      if (!strings) break;
      if (shortest(strings) >= 2) runs.push({ from: a, to: b, words: strings });
    }
  }
  return runs;
}

/**
 * A second set of words every match of the one-branch `source` holds besides its gate words
 * (`gateWordsOf`), from a finite run that does not overlap theirs: `…(社員|従業員|職員)[^。]{0,30}
 * (盗んだ|横領|…)` needs one of each group, and a post with 社員 but no 横領 need not run it.
 * Null where the branch has no such run (or is an alternation).
 */
export function secondGateWordsOf(source: string): string[] | null {
  const branches = topLevelBranches(source);
  const gate = gateWordsOf(source);
  if (branches.length !== 1 || !gate) return null;
  const runs = finiteRuns(finiteElements(branches[0] as string));
  const key = (words: readonly string[]) =>
    [...new Set(words.map((w) => w.toLowerCase()))].sort().join('\u0000');
  const primary = runs.find((run) => key(run.words) === key(gate));
  if (!primary) return null;
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const run of runs) {
    if (run.to >= primary.from && run.from <= primary.to) continue;
    const length = Math.min(4, shortest(run.words));
    if (
      length > bestShortest ||
      (length === bestShortest && best && run.words.length < best.length)
    ) {
      best = run.words;
      bestShortest = length;
    }
  }
  return best ? [...new Set(best.map((w) => w.toLowerCase()))] : null;
}
