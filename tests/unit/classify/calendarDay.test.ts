/**
 * The calendar day of a timestamp computed without Date objects (`calendarDay.ts`) is what
 * `new Date(…).getTime()` and `toISOString().slice(0, 10)` give, on generated timestamps
 * (valid, out of range, other forms) and times from year 0 to 9999 and beyond.
 */
import { describe, expect, it } from 'vitest';
import { timeOf, utcDayOf } from '../../../src/classify/calendarDay.js';
import { random } from '../../helpers/seeded.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('a timestamp read without Date objects', () => {
  it('has the time the Date parser gives', () => {
    const next = random(20261203);
    const pick = (n: number) => Math.floor(next() * n);
    const samples = [
      '2024-03-12T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2023-02-29T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-00-10T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T23:60:00Z',
      '2024-01-01T23:00:60Z',
      '0099-06-01T00:00:00Z',
      '0100-06-01T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2024-03-12T09:00:00+09:00',
      '2024-03-12',
      'Tue, 12 Mar 2024 00:00:00 GMT',
      'not a date',
      '',
    ];
    for (let i = 0; i < 3000; i++) {
      const ms = pick(3) === 0 ? '' : `.${pad(pick(1000), 3)}`;
      samples.push(
        `${pad(pick(10_000), 4)}-${pad(pick(14), 2)}-${pad(pick(33), 2)}T${pad(pick(26), 2)}:${pad(pick(61), 2)}:${pad(pick(61), 2)}${ms}Z`,
      );
    }
    for (const sample of samples) expect(timeOf(sample), sample).toBe(new Date(sample).getTime());
  });

  it('falls on the day toISOString gives', () => {
    const next = random(93);
    const times = [0, -1, 86_399_999, 86_400_000, -62_167_219_200_000, 253_402_300_799_999];
    times.push(-62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15);
    for (let i = 0; i < 5000; i++) times.push(Math.floor((next() * 2 - 1) * 2.6e14));
    for (const time of times)
      expect(utcDayOf(time), String(time)).toBe(new Date(time).toISOString().slice(0, 10));
  });
});
