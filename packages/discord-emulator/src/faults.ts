/** Faults the tests ask for: the next N matching requests fail or wait. */
export type FaultKind =
  | { status: 500 | 502 }
  /** The token was revoked or is wrong: discord.js drops its token on this. */
  | { status: 401 }
  | { status: 403; code: 50001 | 50013 }
  | { status: 404; code: 10003 }
  | { status: 429; retryAfterSeconds: number; global?: boolean }
  | { delayMs: number };

export interface FaultRule {
  method?: string;
  /** Matched against the path after /api/v10 (a string must be contained in it). */
  path?: RegExp | string;
  times: number;
  fault: FaultKind;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const MESSAGES: Record<number, string> = {
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  10003: 'Unknown Channel',
};

export class FaultInjector {
  private readonly rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** How many faults are still to be served (0: every injected fault has hit a request). */
  pending(): number {
    return this.rules.reduce((n, r) => n + r.times, 0);
  }

  /** Consumes and returns the first fault matching this request, if any. */
  take(method: string, path: string): FaultKind | null {
    const index = this.rules.findIndex(
      (r) =>
        r.times > 0 &&
        (!r.method || r.method === method) &&
        (!r.path || (typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path))),
    );
    if (index === -1) return null;
    const rule = this.rules[index] as FaultRule;
    rule.times--;
    if (rule.times <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}

/** The response a status fault produces, in Discord's error shape. */
export function faultResponse(fault: Exclude<FaultKind, { delayMs: number }>): FaultResponse {
  if (fault.status === 429) {
    return {
      status: 429,
      headers: {
        'retry-after': String(Math.ceil(fault.retryAfterSeconds)),
        'x-ratelimit-scope': fault.global ? 'global' : 'shared',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: {
        message: 'You are being rate limited.',
        retry_after: fault.retryAfterSeconds,
        global: Boolean(fault.global),
      },
    };
  }
  if (fault.status === 401)
    return { status: 401, headers: {}, body: { message: '401: Unauthorized', code: 0 } };
  if ('code' in fault)
    return {
      status: fault.status,
      headers: {},
      body: { message: MESSAGES[fault.code], code: fault.code },
    };
  return {
    status: fault.status,
    headers: {},
    body: { message: `${fault.status}: Internal Server Error`, code: 0 },
  };
}
