/** Discord's shard rule, (guild_id >> 22) % shard_count, and the sets of shards a process serves. */
import { describe, expect, it } from 'vitest';
import { coversAllShards, inShards, shardOfGuild } from '../../src/store/sql/shards.js';

// A snowflake made of a known timestamp part: (ms since the Discord epoch) << 22 | low bits.
const guildAt = (high: bigint, low = 0x3fffffn) => String((high << 22n) | low);

describe('shardOfGuild', () => {
  it('takes the snowflake without its low 22 bits, modulo the shard count', () => {
    expect(shardOfGuild(guildAt(10n), 4)).toBe(2);
    expect(shardOfGuild(guildAt(11n, 0n), 4)).toBe(3);
    expect(shardOfGuild(guildAt(12n), 4)).toBe(0);
    expect(shardOfGuild(guildAt(12n), 1)).toBe(0);
  });

  it('computes exactly for real ids, which are beyond the precision of a JS number', () => {
    // 197038439483310086 > 2^53; 197038439483310086 >> 22 = 46977624770.
    expect(shardOfGuild('197038439483310086', 2)).toBe(0);
    expect(shardOfGuild('197038439483310086', 1000)).toBe(770);
    expect(shardOfGuild('197038439483310087', 1000)).toBe(770);
  });

  it('spreads consecutive guilds over every shard', () => {
    const seen = new Set(Array.from({ length: 30 }, (_, i) => shardOfGuild(guildAt(BigInt(i)), 3)));
    expect(seen).toEqual(new Set([0, 1, 2]));
  });
});

describe('shard sets', () => {
  it('says whether a guild is one of the served shards', () => {
    expect(inShards(guildAt(10n), { ids: [2], count: 4 })).toBe(true);
    expect(inShards(guildAt(10n), { ids: [0, 1, 3], count: 4 })).toBe(false);
  });

  it('knows when every shard is served, so nothing needs filtering', () => {
    expect(coversAllShards({ ids: [0], count: 1 })).toBe(true);
    expect(coversAllShards({ ids: [1, 0], count: 2 })).toBe(true);
    expect(coversAllShards({ ids: [0], count: 2 })).toBe(false);
  });
});
