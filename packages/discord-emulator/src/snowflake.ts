/** Discord-style ids: increasing snowflakes from the Discord epoch. */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
let last = 0n;

export function nextSnowflake(now = Date.now()): string {
  let time = BigInt(now) - DISCORD_EPOCH;
  if (time <= last) time = last;
  if (time === last) increment++;
  else increment = 0n;
  last = time;
  return ((time << 22n) | (increment & 0xfffn)).toString();
}
