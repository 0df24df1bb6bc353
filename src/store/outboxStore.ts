/** The alert outbox and delivery log: each (post, channel) pair is delivered at most once. */
import { z } from 'zod';
import { inShards, type ShardSet } from './sql/shards.js';

export const deliverySchema = z.object({
  /** `<postId> <channelId>`: one delivery per post and channel, ever. */
  id: z.string(),
  postId: z.string(),
  guildId: z.string(),
  channelId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  /**
   * A digest or quiet-hours alert is held until then (ISO time) and goes out in a digest; absent or
   * null: an instant alert. Rows stored before digests have none.
   */
  holdUntil: z.string().nullable().optional(),
  /**
   * The thread started on this alert (threads: on), or the forum post it is (a forum channel): later
   * updates go into it. Absent: none yet.
   */
  threadId: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export function deliveryId(postId: string, channelId: string): string {
  return `${postId} ${channelId}`;
}

export interface OutboxStore {
  /** Adds deliveries whose id is new; returns only those added (an existing id is never re-queued). */
  enqueue(deliveries: readonly Delivery[]): Promise<Delivery[]>;
  get(id: string): Promise<Delivery | null>;
  /** Deliveries still to be attempted, oldest first. */
  pending(): Promise<Delivery[]>;
  update(delivery: Delivery): Promise<void>;
}

/** An outbox several workers (or processes) can share: each delivery is claimed by one worker at a time. */
export interface ClaimingOutboxStore extends OutboxStore {
  /**
   * Claims up to `limit` pending deliveries that are due and not held by a live lease, oldest first,
   * for `leaseMs`. A delivery is returned to one caller only, until its lease expires. With
   * `shards`, only deliveries to those shards' guilds are claimed.
   */
  claim(workerId: string, limit: number, leaseMs: number, shards?: ShardSet): Promise<Delivery[]>;
  /** `update`, but only while `workerId` still holds the claim; false when the lease was lost. */
  updateClaimed(delivery: Delivery, workerId: string): Promise<boolean>;
  /**
   * Extends `workerId`'s claim on a pending delivery by `leaseMs` from now; false when the claim was
   * lost (taken over after its lease ran out). A deliverer asks just before it sends, so a worker
   * that fell behind its lease (slow sends, 429 waits) never sends a row another worker has. The
   * renewal also notes that sending began: only such a row, taken over, needs a look in its channel.
   */
  renewClaim?(id: string, workerId: string, leaseMs: number): Promise<boolean>;
  /**
   * `claim`, also saying which rows were taken over from a holder whose lease ran out after it had
   * begun to send them (`renewClaim`: it may have sent them before dying); rows a dead holder
   * never began to send are not takeovers. The SQL outbox has it; without it no claim counts as one.
   */
  claimNotingTakeovers?(
    workerId: string,
    limit: number,
    leaseMs: number,
    shards?: ShardSet,
  ): Promise<Array<{ delivery: Delivery; takenOverFrom: string | null }>>;
  /**
   * Claims every held delivery of `channelId` whose hold has ended and that is due (rows this worker
   * already claims included), oldest first: what one digest sends together.
   */
  claimHeld(workerId: string, channelId: string, leaseMs: number): Promise<Delivery[]>;
  /** `updateClaimed` for several rows at once, all or none (false, nothing written, when a lease was lost). */
  updateClaimedAll(deliveries: readonly Delivery[], workerId: string): Promise<boolean>;
}

/** Whether a delivery is held past `at` (a digest not yet due). */
export function isHeld(delivery: Delivery, at: number): boolean {
  return delivery.holdUntil != null && new Date(delivery.holdUntil).getTime() > at;
}

function uniqueById(deliveries: readonly Delivery[]): Delivery[] {
  return [...new Map(deliveries.map((d) => [d.id, d])).values()];
}

const byAge = (a: Delivery, b: Delivery) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;

/** The outbox in process memory (`memory://`, tests), with the same claims and leases as SQL. */
export class MemoryOutboxStore implements ClaimingOutboxStore {
  private readonly deliveries = new Map<string, Delivery>();
  private readonly claims = new Map<string, { workerId: string; until: number }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async enqueue(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    const fresh = uniqueById(deliveries).filter((d) => !this.deliveries.has(d.id));
    for (const d of fresh) this.deliveries.set(d.id, structuredClone(deliverySchema.parse(d)));
    return fresh.map((d) => structuredClone(d));
  }

  async get(id: string): Promise<Delivery | null> {
    const delivery = this.deliveries.get(id);
    return delivery ? structuredClone(delivery) : null;
  }

  async pending(): Promise<Delivery[]> {
    return [...this.deliveries.values()]
      .filter((d) => d.status === 'pending')
      .map((d) => structuredClone(d));
  }

  async update(delivery: Delivery): Promise<void> {
    this.deliveries.set(delivery.id, structuredClone(deliverySchema.parse(delivery)));
    this.claims.delete(delivery.id);
  }

  async claim(
    workerId: string,
    limit: number,
    leaseMs: number,
    shards?: ShardSet,
  ): Promise<Delivery[]> {
    const at = this.now().getTime();
    const due = [...this.deliveries.values()]
      .filter(
        (d) =>
          d.status === 'pending' &&
          (d.nextAttemptAt === null || new Date(d.nextAttemptAt).getTime() <= at) &&
          (this.claims.get(d.id)?.until ?? 0) <= at &&
          !isHeld(d, at) &&
          (!shards || inShards(d.guildId, shards)),
      )
      .sort(byAge)
      .slice(0, limit);
    for (const d of due) this.claims.set(d.id, { workerId, until: at + leaseMs });
    return due.map((d) => structuredClone(d));
  }

  async renewClaim(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    if (this.claims.get(id)?.workerId !== workerId || this.deliveries.get(id)?.status !== 'pending')
      return false;
    this.claims.set(id, { workerId, until: this.now().getTime() + leaseMs });
    return true;
  }

  async updateClaimed(delivery: Delivery, workerId: string): Promise<boolean> {
    if (this.claims.get(delivery.id)?.workerId !== workerId) return false;
    await this.update(delivery);
    return true;
  }

  async claimHeld(workerId: string, channelId: string, leaseMs: number): Promise<Delivery[]> {
    const at = this.now().getTime();
    const due = [...this.deliveries.values()]
      .filter((d) => {
        const claim = this.claims.get(d.id);
        return (
          d.status === 'pending' &&
          d.channelId === channelId &&
          d.holdUntil != null &&
          !isHeld(d, at) &&
          (d.nextAttemptAt === null || new Date(d.nextAttemptAt).getTime() <= at) &&
          (!claim || claim.until <= at || claim.workerId === workerId)
        );
      })
      .sort(byAge);
    for (const d of due) this.claims.set(d.id, { workerId, until: at + leaseMs });
    return due.map((d) => structuredClone(d));
  }

  async updateClaimedAll(deliveries: readonly Delivery[], workerId: string): Promise<boolean> {
    if (deliveries.some((d) => this.claims.get(d.id)?.workerId !== workerId)) return false;
    for (const d of deliveries) await this.update(d);
    return true;
  }
}
