/**
 * The global 50 requests/s shared by every process of one bot: before a REST request goes out, its
 * process takes one send slot of the shared schedule (src/store/sql/requestSlots.ts) and waits for
 * its time. Slots are reserved a few at a time, so a process makes about one round trip to the
 * database per batch, and they are evenly spaced, so the processes together never send a burst
 * that Discord's sliding one-second count would refuse. Interaction callbacks and webhooks are
 * outside Discord's global limit and outside this budget.
 */
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { Logger } from '../pipeline/index.js';
import type { RequestSlots } from '../store/sql/requestSlots.js';

/**
 * Ms between two requests of all processes together: 21 ms is 47.6 requests/s, a margin under
 * Discord's 50 for the jitter of send times (a request delayed by more than the margin after one
 * sent on time would make 51 in Discord's second).
 */
export const SHARED_SLOT_MS = 21;

export interface SharedBudgetOptions {
  /** Ms between two requests of all processes together (default SHARED_SLOT_MS). */
  intervalMs?: number;
  /** Most slots reserved in one round trip (default 5). */
  batch?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One process's gate onto the shared schedule. */
export class SharedRequestBudget {
  private readonly intervalMs: number;
  private readonly batch: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Reserved slot times, earliest first. */
  private readonly slots: number[] = [];
  /** Requests waiting for a slot. */
  private waiting = 0;
  private reserving: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly schedule: RequestSlots,
    private readonly options: SharedBudgetOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? SHARED_SLOT_MS;
    this.batch = options.batch ?? 5;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves when this process may send one request. */
  async take(): Promise<void> {
    for (;;) {
      const slot = await this.nextSlot();
      if (slot === null) return;
      if (slot > this.now()) await this.sleep(slot - this.now());
      // Woken too late (a busy event loop): sent now, it could crowd the slots after it into one
      // of Discord's seconds; it takes a fresh slot instead. Two slots late stays inside the
      // schedule's margin (51 slots span 50 ms more than a second).
      if (this.now() - slot <= 2 * this.intervalMs) return;
    }
  }

  /** This process's next reserved slot (reserving more when none is left); null: send unmetered. */
  private async nextSlot(): Promise<number | null> {
    this.waiting++;
    try {
      for (;;) {
        // A slot left unused past its time is dropped, for the same reason.
        const now = this.now();
        while ((this.slots[0] ?? Infinity) < now - this.intervalMs) this.slots.shift();
        const slot = this.slots.shift();
        if (slot !== undefined) return slot;
        if (await this.reserve()) return null;
      }
    } finally {
      this.waiting--;
    }
  }

  /** One reservation round trip at a time; resolves true when the store failed (send anyway). */
  private async reserve(): Promise<boolean> {
    if (!this.reserving) {
      const count = Math.min(this.batch, this.waiting);
      this.reserving = this.schedule
        .reserve(count, this.intervalMs, this.now())
        .then(
          (from) => {
            if (this.failing) this.options.log?.warn('shared request budget reachable again');
            this.failing = false;
            for (let i = 0; i < count; i++) this.slots.push(from + i * this.intervalMs);
          },
          (err: unknown) => {
            if (!this.failing)
              this.options.log?.warn(
                { err },
                'shared request budget unreachable: requests limited by this process alone',
              );
            this.failing = true;
          },
        )
        .finally(() => {
          this.reserving = null;
        });
    }
    await this.reserving;
    return this.failing;
  }
}

type MakeRequest = RESTOptions['makeRequest'];

/** Paths outside Discord's global limit. */
const EXEMPT = /\/v\d+\/(interactions|webhooks)\//;

/**
 * discord.js's `makeRequest` with `budget` taken first: every REST request of the client, after
 * discord.js's own per-route and per-process limits, also waits for the budget shared by all
 * processes. discord.js's timeout runs while it waits; a request it aborts is retried by it.
 */
export function budgetedMakeRequest(
  budget: SharedRequestBudget,
  makeRequest: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  return async (url, init) => {
    if (!EXEMPT.test(url)) await budget.take();
    return makeRequest(url, init);
  };
}
