/**
 * The global 50 requests/s shared by several processes (issue 11, ADR 0007): each process's gate
 * takes evenly spaced send slots from one shared schedule. A fake clock and sleep stand for time;
 * each gate records when its requests would go out.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  budgetedMakeRequest,
  SharedRequestBudget,
  SHARED_SLOT_MS,
} from '../../../src/discord/sharedRequestBudget.js';
import { MemoryRequestSlots } from '../../../src/store/sql/requestSlots.js';

const START = 1_000_000;

/** A clock several gates share; sleeping moves it on (never back). */
function fakeTime() {
  const time = { now: START };
  return {
    time,
    now: () => time.now,
    sleep: async (ms: number) => {
      time.now = Math.max(time.now, time.now + ms);
    },
  };
}

/** Sends `count` requests through `gate` one after another; resolves their send times. */
async function send(gate: SharedRequestBudget, time: { now: number }, count: number) {
  const at: number[] = [];
  for (let i = 0; i < count; i++) {
    await gate.take();
    at.push(time.now);
  }
  return at;
}

/** The most requests of `times` inside any one second (Discord's sliding count). */
function mostInOneSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('SharedRequestBudget', () => {
  it('gives one process alone the whole budget: 48 requests in a second, evenly spaced', async () => {
    const clock = fakeTime();
    const gate = new SharedRequestBudget(new MemoryRequestSlots(), clock);
    const at = await send(gate, clock.time, 200);
    expect(mostInOneSecond(at)).toBe(Math.ceil(1000 / SHARED_SLOT_MS));
    expect(mostInOneSecond(at)).toBeLessThanOrEqual(50);
    expect(at.at(-1)! - at[0]!).toBe(199 * SHARED_SLOT_MS);
  });

  it('splits the budget between three processes: about a third each, never over 50 a second', async () => {
    // Real timers' order, fake time: the gates sleep with setTimeout and read Date.now.
    vi.useFakeTimers({ now: START });
    try {
      const slots = new MemoryRequestSlots();
      const gates = [0, 1, 2].map(() => new SharedRequestBudget(slots));
      const byGate: number[][] = [[], [], []];
      let running = true;
      // Every gate has more work than the budget allows, 8 requests in flight each.
      const work = gates.flatMap((gate, g) =>
        Array.from({ length: 8 }, async () => {
          while (running) {
            await gate.take();
            byGate[g]!.push(Date.now());
          }
        }),
      );
      await vi.advanceTimersByTimeAsync(3_000);
      running = false;
      await vi.advanceTimersByTimeAsync(1_000);
      await Promise.all(work);
      const all = byGate.flat().filter((t) => t < START + 3_000);
      expect(mostInOneSecond(all)).toBeLessThanOrEqual(50);
      const perSecond = all.length / 3;
      expect(perSecond).toBeGreaterThanOrEqual(45);
      for (const times of byGate) {
        const share = times.filter((t) => t < START + 3_000).length / 3;
        expect(Math.abs(share - perSecond / 3)).toBeLessThan(3);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a killed process’s share to the living at once: it leaves at most one batch unused', async () => {
    const clock = fakeTime();
    const slots = new MemoryRequestSlots();
    const [killed, living] = [0, 1].map(() => new SharedRequestBudget(slots, clock));
    for (let i = 0; i < 25; i++) {
      await killed!.take();
      await living!.take();
    }
    // The first process dies here, holding what it reserved; the other sends alone from now on.
    const before = clock.time.now;
    const at = await send(living!, clock.time, 96);
    expect(at[0]! - before).toBeLessThanOrEqual(5 * SHARED_SLOT_MS);
    expect(at.at(-1)! - at[0]!).toBe(95 * SHARED_SLOT_MS);
  });

  it('takes a fresh slot when it wakes up too late for its own, instead of sending late', async () => {
    const time = { now: START };
    let oversleep = 100;
    const memory = new MemoryRequestSlots();
    const reservedAt: number[] = [];
    const slots = {
      reserve: (count: number, interval: number, now: number) => {
        reservedAt.push(now);
        return memory.reserve(count, interval, now);
      },
    };
    const gate = new SharedRequestBudget(slots, {
      now: () => time.now,
      // The first wake-up comes 100 ms late, as on a busy event loop; the next ones on time.
      sleep: async (ms) => {
        time.now += ms + oversleep;
        oversleep = 0;
      },
    });
    await gate.take();
    await gate.take();
    // Its second slot (START + 21) had passed when it woke at START + 121: it reserved a fresh one.
    expect(reservedAt).toEqual([START, START, START + 121]);
  });

  it('lets requests out, limited by the process alone, while the store cannot be reached', async () => {
    const clock = fakeTime();
    const gate = new SharedRequestBudget(
      { reserve: () => Promise.reject(new Error('connection refused')) },
      clock,
    );
    await gate.take();
    await gate.take();
    expect(clock.time.now).toBe(START);
  });

  it('takes slots for channel posts, not for interaction callbacks', async () => {
    const clock = fakeTime();
    let reserved = 0;
    const slots = new MemoryRequestSlots();
    const gate = new SharedRequestBudget(
      {
        reserve: (count, interval, now) => {
          reserved += count;
          return slots.reserve(count, interval, now);
        },
      },
      clock,
    );
    const sent: string[] = [];
    const makeRequest = budgetedMakeRequest(gate, async (url) => {
      sent.push(url);
      return new Response('{}') as never;
    });
    await makeRequest('http://127.0.0.1/api/v10/interactions/1/tok/callback', {});
    expect(reserved).toBe(0);
    await makeRequest('http://127.0.0.1/api/v10/channels/9/messages', {});
    expect(reserved).toBe(1);
    expect(sent).toHaveLength(2);
  });
});
