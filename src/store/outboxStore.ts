/** The alert outbox and delivery log: each (post, channel) pair is delivered at most once. */
import { z } from 'zod';
import { withIds, withoutIds, type SchemaKeyv } from './schemaKeyv.js';

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

const PENDING_KEY = 'outbox:pending';

function uniqueById(deliveries: readonly Delivery[]): Delivery[] {
  return [...new Map(deliveries.map((d) => [d.id, d])).values()];
}

export class KeyvOutboxStore implements OutboxStore {
  constructor(private readonly db: SchemaKeyv) {}

  async enqueue(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    const unique = uniqueById(deliveries);
    const existing = await this.db.getMany(
      unique.map((d) => `delivery:${d.id}`),
      deliverySchema,
    );
    const fresh = unique.filter((_, i) => existing[i] === null).map((d) => deliverySchema.parse(d));
    await this.db.setMany(fresh.map((d) => ({ key: `delivery:${d.id}`, value: d })));
    const pendingIds = fresh.filter((d) => d.status === 'pending').map((d) => d.id);
    await this.db.updateIndex(PENDING_KEY, (ids) => withIds(ids, pendingIds));
    return fresh;
  }

  get(id: string): Promise<Delivery | null> {
    return this.db.get(`delivery:${id}`, deliverySchema);
  }

  async pending(): Promise<Delivery[]> {
    const ids = await this.db.readIndex(PENDING_KEY);
    const all = await this.db.getMany(
      ids.map((id) => `delivery:${id}`),
      deliverySchema,
    );
    return all.filter((d): d is Delivery => d !== null && d.status === 'pending');
  }

  async update(delivery: Delivery): Promise<void> {
    const valid = deliverySchema.parse(delivery);
    await this.db.set(`delivery:${valid.id}`, valid);
    await this.db.updateIndex(PENDING_KEY, (ids) =>
      valid.status === 'pending' ? withIds(ids, [valid.id]) : withoutIds(ids, [valid.id]),
    );
  }
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly deliveries = new Map<string, Delivery>();

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
  }
}
