/**
 * Several delivery processes on one PostgreSQL, one alert fanned out to many channels, one process
 * killed with SIGKILL in the middle: how many channels got their alert not at all (lost) or more
 * than once (duplicates), counted by the emulator with Discord's nonce check OFF, the rate the
 * processes sustained together and the global 429s they drew. Used by the e2e test (200 channels)
 * and the bench (1,000).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/config/projectRoot.js';
import { inShards } from '../../src/store/sql/shards.js';
import {
  countFanOut,
  rateLimitedWorld,
  killAll,
  PG_URL,
  spawnNode,
  type Child,
  type FanOutCount,
} from './fanOutHarness.js';

export interface FanOutRunOptions {
  processes: number;
  guilds: number;
  channelsPerGuild: number;
  /** Kill process 0 with SIGKILL once this many messages arrived (none: no kill). */
  killAfterMessages?: number;
  leaseMs?: number;
  /** Per-process shard sets; unset: every process serves every guild. */
  shardsOf?: (index: number) => { ids: number[]; count: number } | undefined;
  /** false: each process keeps only its own 50/s, as before the shared budget (default true). */
  sharedBudget?: boolean;
  /** Sends in flight per process (default 5) and rows per claim (default 10). */
  concurrency?: number;
  claimBatch?: number;
}

export interface FanOutRunResult extends FanOutCount {
  killedPid: number | null;
  /** Messages each worker sent, by worker id. */
  sentBy: Record<string, number>;
  /** Alerts a process sent for a guild outside its shards (should be 0). */
  wrongShard: number;
  /** Taken-over deliveries found already in their channel, recorded without a resend. */
  foundSent: number;
}

/** Where the built worker is; the test and bench run it from dist (npm run build). */
export function workerScript(): string {
  return join(projectRoot(), 'dist', 'bench', 'multiProcess', 'deliveryWorker.js');
}

export function workerBuilt(): boolean {
  return existsSync(workerScript());
}

function startWorker(
  id: string,
  env: NodeJS.ProcessEnv,
  onEvent: (e: Record<string, unknown>) => void,
): Promise<Child> {
  const worker = spawnNode(workerScript(), [], {
    env: { ...process.env, ...env, WORKER_ID: id },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: worker.child.stdout! });
    lines.on('line', (line) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      onEvent(event);
      if (event.event === 'ready') resolve(worker);
    });
    worker.child.once('exit', (code) =>
      reject(new Error(`worker ${id} exited (${code}) before ready`)),
    );
  });
}

/** Runs one fan-out with `options.processes` delivery processes; cleans everything up. */
export async function runMultiProcessFanOut(options: FanOutRunOptions): Promise<FanOutRunResult> {
  const world = await rateLimitedWorld('mp', options.guilds, options.channelsPerGuild);
  const workers: Child[] = [];
  try {
    const sentBy: Record<string, number> = {};
    let wrongShard = 0;
    let foundSent = 0;
    const onEvent = (e: Record<string, unknown>) => {
      if (e.event === 'recorded') foundSent++;
      if (e.event !== 'sent') return;
      const worker = String(e.workerId);
      sentBy[worker] = (sentBy[worker] ?? 0) + 1;
      const shards = options.shardsOf?.(Number(worker.slice(1)));
      if (shards && !inShards(String(e.guildId), shards)) wrongShard++;
    };
    for (let i = 0; i < options.processes; i++) {
      const shards = options.shardsOf?.(i);
      workers.push(
        await startWorker(
          `w${i}`,
          {
            PG_URL,
            PG_SCHEMA: world.schema,
            DISCORD_API_URL: world.emulator.apiUrl,
            DISCORD_TOKEN: world.emulator.token,
            LEASE_MS: String(options.leaseMs ?? 3_000),
            SHARED_BUDGET: options.sharedBudget === false ? 'off' : 'on',
            CONCURRENCY: String(options.concurrency ?? 5),
            CLAIM_BATCH: String(options.claimBatch ?? 10),
            ...(shards && { SHARD_COUNT: String(shards.count), SHARD_IDS: shards.ids.join(',') }),
          },
          onEvent,
        ),
      );
    }
    // Queued once every process is up, so that a slow start does not leave one process alone.
    await world.enqueue();
    let killedPid: number | null = null;
    if (options.killAfterMessages !== undefined) {
      const after = options.killAfterMessages;
      await world.emulator.until(() => world.total() >= after, `${after} messages before the kill`);
      const victim = workers[0] as Child;
      killedPid = victim.child.pid ?? null;
      victim.child.kill('SIGKILL');
      await victim.exited;
    }
    await world.settle();
    for (const w of workers.slice(killedPid === null ? 0 : 1)) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    return { ...(await countFanOut(world)), killedPid, sentBy, wrongShard, foundSent };
  } finally {
    await killAll(workers);
    await world.close();
  }
}
