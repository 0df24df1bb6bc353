/**
 * One delivery process for the multi-process test and bench: it claims outbox rows on the shared
 * PostgreSQL (`claim` → publish over REST → `updateClaimed`), as every `jikenbo start` process
 * does once the claiming deliverer is wired into the product; a row taken over from a dead
 * process is first looked for in the channel (src/discord/sentAlerts.ts). Started as a child process; prints
 * one JSON line per event on stdout; runs until killed (SIGTERM: finishes sends in flight).
 *
 * Env: PG_URL, PG_SCHEMA, DISCORD_API_URL, DISCORD_TOKEN, WORKER_ID, LEASE_MS, CLAIM_BATCH,
 * CONCURRENCY, SHARD_IDS, SHARD_COUNT, SHARED_BUDGET (`off`: this process's REST client keeps only
 * its own 50 requests/s, as before the budget shared on PostgreSQL; default on, as `jikenbo start`).
 */
import { REST } from 'discord.js';
import { nonceOf } from '../../src/alerts/deliveryNonce.js';
import { renderAlert } from '../../src/alerts/renderAlert.js';
import { DiscordPublisher } from '../../src/discord/discordPublisher.js';
import { findSentAlert } from '../../src/discord/sentAlerts.js';
import { budgetedMakeRequest, SharedRequestBudget } from '../../src/discord/sharedRequestBudget.js';
import { silentLogger } from '../../src/log.js';
import { openSqlStores } from '../../src/store/sql/openSqlStores.js';
import type { ShardSet } from '../../src/store/sql/shards.js';
import { SqlRequestSlots } from '../../src/store/sql/requestSlots.js';
import { claimNotingTakeovers, type ClaimedDelivery } from '../../src/store/sql/takeoverClaims.js';

const env = process.env;
const workerId = env.WORKER_ID ?? `worker-${process.pid}`;
const leaseMs = Number(env.LEASE_MS ?? 3_000);
const batch = Number(env.CLAIM_BATCH ?? 10);
const concurrency = Number(env.CONCURRENCY ?? 5);
const shards: ShardSet | undefined = env.SHARD_COUNT
  ? {
      count: Number(env.SHARD_COUNT),
      ids: (env.SHARD_IDS ?? '0').split(',').map(Number),
    }
  : undefined;

const say = (event: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ workerId, at: Date.now(), ...event })}\n`);

const stores = await openSqlStores(
  { engine: 'postgres', url: env.PG_URL as string, schema: env.PG_SCHEMA as string },
  silentLogger(),
);
const budget =
  env.SHARED_BUDGET === 'off'
    ? undefined
    : new SharedRequestBudget(new SqlRequestSlots(stores.database.db));
const rest = new REST({
  api: env.DISCORD_API_URL as string,
  ...(budget && { makeRequest: budgetedMakeRequest(budget) }),
}).setToken(env.DISCORD_TOKEN as string);
const publisher = new DiscordPublisher(rest);
const botUserId = ((await rest.get('/users/@me')) as { id: string }).id;
let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
});

async function deliver({ delivery, takenOverFrom }: ClaimedDelivery): Promise<void> {
  const settings = await stores.guilds.get(delivery.guildId);
  const subscription = settings?.subscriptions.find((s) => s.channelId === delivery.channelId);
  const record = await stores.posts.get(delivery.postId);
  const now = new Date().toISOString();
  if (!subscription || !record) {
    await stores.outbox.updateClaimed(
      { ...delivery, status: 'failed', lastError: 'no subscription or post', updatedAt: now },
      workerId,
    );
    return;
  }
  const message = renderAlert(record, subscription);
  const nonce = nonceOf(delivery.id);
  try {
    // Its last holder died holding it: it may have sent the alert before it could record that.
    const already = takenOverFrom
      ? await findSentAlert(rest, { channelId: delivery.channelId, botUserId, message, nonce })
      : null;
    if (already) say({ event: 'found-sent', id: delivery.id, takenOverFrom });
    // As the product deliverer does: a row whose claim ran out while earlier ones were sent (the
    // shared budget's slots, a loaded machine) may be another process's now; it is skipped.
    if (!already && !((await stores.outbox.renewClaim?.(delivery.id, workerId, leaseMs)) ?? true)) {
      say({ event: 'lost-claim', id: delivery.id });
      return;
    }
    const { messageId } = already
      ? { messageId: already }
      : await publisher.publish(delivery.channelId, message, nonce);
    const kept = await stores.outbox.updateClaimed(
      {
        ...delivery,
        status: 'delivered',
        attempts: delivery.attempts + 1,
        messageId,
        updatedAt: now,
      },
      workerId,
    );
    say({ event: already ? 'recorded' : 'sent', id: delivery.id, guildId: delivery.guildId, kept });
  } catch (err) {
    await stores.outbox.updateClaimed(
      { ...delivery, attempts: delivery.attempts + 1, lastError: String(err), updatedAt: now },
      workerId,
    );
    say({ event: 'failed', id: delivery.id, error: String(err) });
  }
}

say({ event: 'ready', pid: process.pid });
while (!stopping) {
  const claimed = await claimNotingTakeovers(stores.database, {
    workerId,
    limit: batch,
    leaseMs,
    now: new Date(),
    ...(shards && { shards }),
  });
  if (claimed.length === 0) {
    // Nothing due: look again shortly (a deployment would wake on LISTEN/NOTIFY).
    await new Promise((resolve) => setTimeout(resolve, 50));
    continue;
  }
  say({ event: 'claimed', count: claimed.length });
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await deliver(d);
    }),
  );
}
await stores.close();
say({ event: 'stopped' });
process.exit(0);
