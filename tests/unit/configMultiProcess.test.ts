/** The configuration of several processes: HTTP mode's key and port, and the shards a process serves. */
import { describe, expect, it } from 'vitest';
import type { ConfigError} from '../../src/config/loadConfig.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { CONFIG_DIR } from '../helpers/paths.js';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, CONFIG_DIR);
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    load(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('multi-process configuration', () => {
  it('serves every shard of one, on port 8080, with no public key by default', () => {
    const config = load({});
    expect(config.shards).toEqual({ ids: [0], count: 1 });
    expect(config.serve.port).toBe(8080);
    expect(config.discord.publicKey).toBeNull();
  });

  it('reads the shards of this process, sorted and without repeats', () => {
    expect(load({ SHARD_COUNT: '4', SHARD_IDS: '3, 1,3' }).shards).toEqual({
      ids: [1, 3],
      count: 4,
    });
    expect(load({ SHARD_COUNT: '3' }).shards).toEqual({ ids: [0, 1, 2], count: 3 });
  });

  it('reports shards outside the count, bad numbers, ports and keys, all at once', () => {
    const problems = problemsOf({ SHARD_COUNT: '2', SHARD_IDS: '0,2' });
    expect(problems).toEqual([
      expect.stringMatching(/^SHARD_IDS .*shard 2 is not below SHARD_COUNT \(2\)/),
    ]);
    const many = problemsOf({
      SHARD_COUNT: '0',
      SHARD_IDS: 'one',
      SERVE_PORT: '70000',
      DISCORD_PUBLIC_KEY: 'abc',
    });
    expect(many.map((p) => p.split(' ')[0]).sort()).toEqual([
      'DISCORD_PUBLIC_KEY',
      'SERVE_PORT',
      'SHARD_COUNT',
      'SHARD_IDS',
    ]);
  });
});
