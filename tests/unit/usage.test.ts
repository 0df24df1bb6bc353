import { describe, expect, it } from 'vitest';
import { MAIN_USAGE } from '../../src/cli/usage.js';

describe('jikenbo --help', () => {
  it('starts every command description in one column, at least two spaces after its name', () => {
    const rows = MAIN_USAGE.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(9);
    const columns = rows.map((line) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(line)?.[0].length ?? -1);
    expect(columns).not.toContain(-1);
    expect(new Set(columns).size).toBe(1);
  });
});
