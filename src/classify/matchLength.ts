/**
 * The longest match a regular expression can make, in code units, read from its source
 * (as compiled without the `u` flag, where every atom matches one code unit): with the
 * prefilter's word positions, it bounds where in a text a match can lie. Infinity where
 * the source repeats without bound (`*`, `+`, `{n,}`) or holds what is not read here
 * (back-references, named references): in doubt, unbounded.
 */

const QUANTIFIER = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/;

/** The longest match of `source` in code units, or Infinity where it is unbounded or unknown. */
export function maxMatchLength(source: string): number {
  let i = 0;
  let unknown = false;

  const alternation = (): number => {
    let longest = 0;
    for (;;) {
      longest = Math.max(longest, sequence());
      if (source[i] !== '|') return longest;
      i++;
    }
  };

  const sequence = (): number => {
    let total = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let length = atom();
      const q = QUANTIFIER.exec(source.slice(i, i + 24));
      if (q) {
        i += q[0].length;
        if (q[1] === '*' || q[1] === '+') length = length === 0 ? 0 : Infinity;
        else if (q[1] === undefined) {
          const most = q[3] === undefined ? Number(q[2]) : q[4] ? Number(q[4]) : Infinity;
          length = length === 0 ? 0 : length * most;
        }
      }
      total += length;
    }
    return total;
  };

  const atom = (): number => {
    const c = source[i];
    if (c === '(') {
      i++;
      let lookaround = false;
      if (source[i] === '?') {
        const next = source[i + 1];
        const after = source[i + 2];
        // (?: groups; (?= (?! (?<= (?<! look around and match nothing; (?<name> groups.
        lookaround =
          next === '=' || next === '!' || (next === '<' && (after === '=' || after === '!'));
        if (next === ':' || next === '=' || next === '!') i += 2;
        else if (lookaround) i += 3;
        else if (next === '<' && source.indexOf('>', i) !== -1) i = source.indexOf('>', i) + 1;
        else return unread();
      }
      const inner = alternation();
      if (source[i] !== ')') return unread();
      i++;
      return lookaround ? 0 : inner;
    }
    if (c === '[') {
      // One code unit, whatever the class holds.
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      if (i >= source.length) return unread();
      i++;
      return 1;
    }
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'b' || next === 'B') return ((i += 2), 0);
      if (/[1-9k]/.test(next)) return unread();
      if (next === 'u')
        return /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6)) ? ((i += 6), 1) : unread();
      if (next === 'x')
        return /^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4)) ? ((i += 4), 1) : unread();
      if (next === 'c') return unread();
      i += 2;
      return 1;
    }
    i++;
    return c === '^' || c === '$' ? 0 : 1;
  };

  const unread = (): number => {
    unknown = true;
    i = source.length;
    return Infinity;
  };

  const longest = alternation();
  return unknown || i !== source.length ? Infinity : longest;
}
