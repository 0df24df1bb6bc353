/** The deliverer's and the publish worker's wake-up: one pending at a time, none once stopped. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WakeTimer } from '../../../src/alerts/wakeTimer.js';

afterEach(() => vi.useRealTimers());

describe('WakeTimer', () => {
  it('keeps the first of two wake-ups asked for while one is pending, and wakes once', () => {
    vi.useFakeTimers();
    const timer = new WakeTimer();
    const woken: string[] = [];
    timer.wakeIn(100, () => woken.push('first'));
    timer.wakeIn(10, () => woken.push('second'));
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(100);
    expect(woken).toEqual(['first']);
    expect(timer.pending).toBe(false);
    timer.wakeIn(10, () => woken.push('third'));
    vi.advanceTimersByTime(10);
    expect(woken).toEqual(['first', 'third']);
  });

  it('cancels the pending wake-up when stopped and schedules none after', () => {
    vi.useFakeTimers();
    const timer = new WakeTimer();
    const woken: string[] = [];
    timer.wakeIn(50, () => woken.push('before stop'));
    timer.stop();
    timer.wakeIn(50, () => woken.push('after stop'));
    vi.advanceTimersByTime(1_000);
    expect(woken).toEqual([]);
    expect(timer.pending).toBe(false);
  });
});
