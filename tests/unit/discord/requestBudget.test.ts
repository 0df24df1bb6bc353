import { describe, expect, it } from 'vitest';
import { InvalidRequestBudget, RouteBackoff } from '../../../src/discord/requestBudget.js';

describe('the invalid-request budget (issue 9 pt 7)', () => {
  it('pauses at the limit until enough invalid answers have left the 10-minute window', () => {
    let now = 0;
    const budget = new InvalidRequestBudget({ limit: 3, windowMs: 600_000, now: () => now });
    budget.record();
    now = 1000;
    budget.record();
    expect(budget.pausedForMs()).toBe(0);
    now = 2000;
    budget.record();
    // The first answer (t=0) leaves the window at 600 s: then only two remain.
    expect(budget.pausedForMs()).toBe(598_000);
    now = 599_999;
    expect(budget.pausedForMs()).toBe(1);
    now = 600_000;
    expect(budget.pausedForMs()).toBe(0);
    expect(budget.count()).toBe(2);
  });
});

describe('per-route backoff after 429s', () => {
  it('doubles per 429 in a row, from the base or Discord’s longer retry-after, capped', () => {
    let now = 0;
    const backoff = new RouteBackoff({ baseSeconds: 1, maxSeconds: 10 }, () => now);
    const route = '/channels/1/messages';
    expect([1, 2, 3, 4, 5].map(() => backoff.rateLimited(route, 0.1))).toEqual([1, 2, 4, 8, 10]);
    expect(backoff.waitMs(route)).toBe(10_000);
    expect(backoff.waitMs('/channels/2/messages')).toBe(0);
    backoff.succeeded(route);
    expect(backoff.rateLimited(route, 3)).toBe(3);
    now = 2000;
    expect(backoff.waitMs(route)).toBe(1000);
  });
});
