/** Small helpers for benchmarks: percentiles and CPU/wall timing of one call. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Wall and CPU (user + system) time of `work`, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export function summarize(name: string, timings: Timing[]): string {
  const wall = timings.map((t) => t.wallMs).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpuMs).sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(8);
  return `${name.padEnd(44)} n=${String(timings.length).padStart(4)}  wall p50 ${f(percentile(wall, 50))} ms  p99 ${f(percentile(wall, 99))} ms  cpu p50 ${f(percentile(cpu, 50))} ms  p99 ${f(percentile(cpu, 99))} ms`;
}
