import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEARTBEAT_MAX_AGE_MS, heartbeatIsFresh, startHeartbeat } from '../../src/cli/heartbeat.js';

describe('heartbeat for the container health check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-heartbeat-'));
  const file = join(dir, 'beat');
  afterEach(() => rmSync(file, { force: true }));

  it('is healthy right after a beat while connected, unhealthy once the beats are old', () => {
    const stop = startHeartbeat(() => true, file);
    stop();
    expect(heartbeatIsFresh(new Date(), file)).toBe(true);
    expect(heartbeatIsFresh(new Date(Date.now() + HEARTBEAT_MAX_AGE_MS + 5_000), file)).toBe(false);
  });

  it('writes no beat while the gateway is not connected', () => {
    const stop = startHeartbeat(() => false, file);
    stop();
    expect(heartbeatIsFresh(new Date(), file)).toBe(false);
  });
});
