/**
 * A heartbeat file for container health checks: `jikenbo start` touches it
 * while the gateway is connected, `jikenbo healthcheck` (the Docker
 * HEALTHCHECK) exits 0 only when it was touched recently. A file, not a port,
 * so the bot opens no listener just to be probed.
 */
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the heartbeat lives: one bot per container, so one fixed name. */
export const HEARTBEAT_FILE = join(tmpdir(), 'jikenbo.heartbeat');
const BEAT_EVERY_MS = 30_000;
/** Three missed beats make the process unhealthy. */
export const HEARTBEAT_MAX_AGE_MS = 3 * BEAT_EVERY_MS;

/** Touches the file now and every 30 s while `alive()` holds; returns the stopper. */
export function startHeartbeat(alive: () => boolean, file = HEARTBEAT_FILE): () => void {
  const beat = () => {
    if (alive()) writeFileSync(file, new Date().toISOString());
  };
  beat();
  const timer = setInterval(beat, BEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** True when the heartbeat was written within `maxAgeMs` of `now`. */
export function heartbeatIsFresh(
  now: Date,
  file = HEARTBEAT_FILE,
  maxAgeMs = HEARTBEAT_MAX_AGE_MS,
): boolean {
  try {
    return now.getTime() - statSync(file).mtimeMs <= maxAgeMs;
  } catch {
    return false;
  }
}
