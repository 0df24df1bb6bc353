import { describe, expect, it, vi } from 'vitest';
import { startPoller } from '../../src/pipeline/poller.js';
import { backoffSeconds } from '../../src/backoff.js';
import { createLogger, silentLogger } from '../../src/log.js';
import type { TickResult } from '../../src/pipeline/pollTick.js';

describe('poller', () => {
  it('skips a tick while the previous one is still running instead of stacking them', async () => {
    let release!: () => void;
    let ticks = 0;
    const poller = startPoller(
      '0 0 1 1 *',
      () => {
        ticks++;
        return new Promise<TickResult[]>((resolve) => (release = () => resolve([])));
      },
      silentLogger(),
    );
    const first = poller.runNow();
    expect(await poller.runNow()).toBeNull();
    release();
    expect(await first).toEqual([]);
    expect(ticks).toBe(1);
    await poller.stop();
  });

  it('survives a tick that throws', async () => {
    const poller = startPoller(
      '0 0 1 1 *',
      () => Promise.reject(new Error('store down')),
      silentLogger(),
    );
    expect(await poller.runNow()).toBeNull();
    await poller.stop();
  });
});

describe('backoffSeconds', () => {
  it('is zero before any failure, then doubles from the base up to the cap', () => {
    const limits = { baseSeconds: 10, maxSeconds: 100 };
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => backoffSeconds(n, limits))).toEqual([
      0, 10, 20, 40, 80, 100, 100,
    ]);
  });
});

describe('poller schedule', () => {
  it('runs ticks on the cron schedule (seconds field allowed), never two at once', async () => {
    let ticks = 0;
    let ticked!: () => void;
    const firstTick = new Promise<void>((resolve) => (ticked = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const result = [{ feedUrl: 'http://feed', status: 'crashed' as const, reason: 'test' }];
    const poller = startPoller(
      '* * * * * *',
      async () => {
        ticks++;
        ticked();
        await held;
        return result;
      },
      silentLogger(),
    );
    await firstTick;
    // The scheduled tick is still running: a tick asked for now is skipped, not stacked.
    expect(await poller.runNow()).toBeNull();
    expect(ticks).toBe(1);
    finish();
    // stop() waits for the running tick; after it, a tick asked for runs and returns its result.
    await poller.stop();
    expect(await poller.runNow()).toEqual(result);
  });
});

describe('poller output (issue 9 pt 10)', () => {
  it('node-cron’s own messages go to our JSON logger, never raw to the console', async () => {
    const lines: Array<Record<string, unknown>> = [];
    let sawCron!: () => void;
    const cronSpoke = new Promise<void>((resolve) => (sawCron = resolve));
    const log = createLogger('debug', {
      write(line: string) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry.source === 'node-cron' && entry.level === 40) sawCron();
      },
    });
    const consoleCalls: unknown[][] = [];
    const spies = (['info', 'warn', 'error', 'debug', 'log'] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation((...args) => void consoleCalls.push(args)),
    );
    let release!: () => void;
    // A tick that hangs, on a schedule due every second: node-cron refuses to overlap and says so.
    const poller = startPoller(
      '* * * * * *',
      () => new Promise<TickResult[]>((resolve) => (release = () => resolve([]))),
      log,
    );
    try {
      await cronSpoke;
      expect(consoleCalls).toEqual([]);
      expect(lines.find((l) => l.source === 'node-cron')?.msg).toMatch(/still running/);
    } finally {
      spies.forEach((s) => s.mockRestore());
      release?.();
      await poller.stop();
    }
  });
});
