/**
 * Two guards between the bot and a Discord ban (10,000 invalid requests in 10
 * minutes bans the bot's IP for an hour):
 *
 * - InvalidRequestBudget counts every 401/403/429 the REST client receives
 *   in a rolling window; at the limit (5,000 by default, as MonitoRSS does) the
 *   publisher sends nothing until enough of them have aged out of the window.
 *   Interaction replies are not held: they are what users wait for.
 * - RouteBackoff makes a route that answered 429 wait exponentially longer
 *   after each 429 in a row (1 s, 2 s, 4 s, … or Discord's retry-after when
 *   longer), instead of retrying at every reset: a route with a 0.1 s reset
 *   otherwise draws 10 requests a second, all refused.
 */
import { RESTEvents, type REST } from 'discord.js';
import type { BackoffLimits } from '../backoff.js';
import type { Logger } from '../pipeline/index.js';

export interface BudgetOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  log?: Logger;
}

export class InvalidRequestBudget {
  /** Times of the invalid responses inside the window, oldest first. */
  private readonly times: number[] = [];
  private paused = false;
  private readonly now: () => number;

  constructor(private readonly options: BudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Counts one 401/403/429 answer. */
  record(): void {
    this.times.push(this.now());
    this.pausedForMs();
  }

  /** How many invalid answers the window holds now. */
  count(): number {
    this.expire();
    return this.times.length;
  }

  /** 0 while requests may go out; otherwise how long until the window holds fewer than the limit. */
  pausedForMs(): number {
    this.expire();
    const { limit, windowMs } = this.options;
    const over = this.times.length - limit;
    const wait = over >= 0 ? (this.times[over] as number) + windowMs - this.now() : 0;
    const paused = wait > 0;
    if (paused !== this.paused) {
      this.paused = paused;
      if (paused)
        this.options.log?.error(
          { invalidRequests: this.times.length, limit, resumeInMs: wait },
          'too many invalid Discord requests (401/403/429): deliveries paused until the window clears',
        );
      else this.options.log?.warn({ limit }, 'invalid-request window cleared: deliveries resume');
    }
    return paused ? wait : 0;
  }

  private expire(): void {
    const from = this.now() - this.options.windowMs;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] as number) <= from) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/** Counts every invalid answer `rest` receives into `budget`. */
export function countInvalidRequests(rest: REST, budget: InvalidRequestBudget): void {
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status === 401 || response.status === 403 || response.status === 429)
      budget.record();
  });
}

interface RouteState {
  strikes: number;
  until: number;
}

/** Per-route exponential backoff after 429s; a success clears the route. */
export class RouteBackoff {
  private readonly routes = new Map<string, RouteState>();

  constructor(
    private readonly limits: BackoffLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds `route` must still wait (0: go). */
  waitMs(route: string): number {
    const state = this.routes.get(route);
    return state ? Math.max(0, state.until - this.now()) : 0;
  }

  /** Records a 429 on `route`; returns the seconds it now waits. */
  rateLimited(route: string, retryAfterSeconds: number): number {
    const strikes = (this.routes.get(route)?.strikes ?? 0) + 1;
    const wait = Math.min(
      this.limits.maxSeconds,
      Math.max(retryAfterSeconds, this.limits.baseSeconds) * 2 ** Math.min(strikes - 1, 30),
    );
    this.routes.set(route, { strikes, until: this.now() + wait * 1000 });
    return wait;
  }

  succeeded(route: string): void {
    this.routes.delete(route);
  }
}
