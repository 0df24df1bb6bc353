/**
 * Discord's shard rule: a guild belongs to shard (guild_id >> 22) % shard_count. A process serving
 * some shards delivers only those guilds' alerts and answers only their interactions. The same rule
 * as a SQL expression, so the outbox claim filters in the database.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SqlEngine } from './migrations.js';

/** The shards a process serves, out of how many. */
export interface ShardSet {
  ids: readonly number[];
  count: number;
}

/** The shard of a guild (a snowflake as text). */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Whether `shards` covers every shard (then there is nothing to filter). */
export function coversAllShards(shards: ShardSet): boolean {
  return Array.from({ length: shards.count }, (_, i) => i).every((i) => shards.ids.includes(i));
}

/** Whether `guildId` is one of `shards`' guilds. */
export function inShards(guildId: string, shards: ShardSet): boolean {
  return shards.ids.includes(shardOfGuild(guildId, shards.count));
}

/** The shard of `deliveries.guild_id`, computed by the database (64-bit integers on both engines). */
export function guildShardSql(engine: SqlEngine, count: number): RawBuilder<number> {
  const id = engine === 'postgres' ? sql`cast(guild_id as bigint)` : sql`cast(guild_id as integer)`;
  return sql<number>`((${id} >> 22) % ${sql.lit(count)})`;
}
