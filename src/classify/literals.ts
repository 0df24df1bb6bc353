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
      width = 2;
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
