/** Exponential backoff, capped: shared by failing feeds and failing alert deliveries. */
export interface BackoffLimits {
  baseSeconds: number;
  maxSeconds: number;
}

/** Seconds to wait after the `failures`-th consecutive failure (1 → base, 2 → 2×base, …, capped). */
export function backoffSeconds(failures: number, limits: BackoffLimits): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(limits.baseSeconds * 2 ** exponent, limits.maxSeconds);
}
