import { describe, expect, it } from 'vitest';
import type { InputError } from '../../../src/subscriptions/parseOptions.js';
import {
  parseCauses,
  parseDate,
  parseKinds,
  parseWords,
} from '../../../src/subscriptions/parseOptions.js';
import { testLimits } from '../../helpers/limits.js';

const WORDS = testLimits().wordLists;

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected an InputError');
};

describe('command option parsing', () => {
  it('reads comma-separated ids, also with Japanese commas and full-width letters', () => {
    expect(parseCauses('ransomware、 ＭＡＬＷＡＲＥ,ransomware')).toEqual([
      'ransomware',
      'malware',
    ]);
    expect(parseKinds(null)).toBeNull();
  });

  it('names the unknown ids and lists the valid ones', () => {
    const err = errorOf(() => parseCauses('ransomware, aliens'));
    expect(err.key).toBe('error.unknown-ids');
    expect(err.params).toMatchObject({ bad: 'aliens' });
    expect(String(err.params.valid)).toContain('unauthorized_access');
  });

  it('limits word lists', () => {
    expect(parseWords('VPN, ランサムウェア', 'keywords', WORDS)).toEqual(['VPN', 'ランサムウェア']);
    expect(errorOf(() => parseWords(' , ', 'keywords', WORDS)).key).toBe('error.list-empty');
    expect(errorOf(() => parseWords('x'.repeat(51), 'keywords', WORDS)).key).toBe(
      'error.list-too-long',
    );
  });

  it.each(['2024-02-30', '2024/01/01', 'yesterday', '2024-1-1'])(
    'refuses %s as a date',
    (value) => {
      expect(errorOf(() => parseDate(value)).key).toBe('error.bad-date');
    },
  );

  it('accepts real dates, also in full-width digits', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('２０２４-０１-３１')).toBe('2024-01-31');
  });
});
