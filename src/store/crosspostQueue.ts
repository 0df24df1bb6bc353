/**
 * The queue of announcement-channel publishes (Discord's "crosspost"): one per alert message sent
 * to a subscription with `publish: on`, done at most once, claimed by one worker at a time for a
 * lease (as the outbox's deliveries are), and persisted, so a restart loses none and repeats none.
 */
import { z } from 'zod';

export const crosspostSchema = z.object({
  /** The alert's delivery id (`<postId> <channelId>`): one publish per alert message, ever. */
  id: z.string(),
  guildId: z.string(),
  channelId: z.string(),
  /** The alert's message in the announcement channel. */
  messageId: z.string(),
  /** `done`: published (or Discord says it was); `given-up`: it never will be (e.g. no permission). */
  status: z.enum(['pending', 'done', 'given-up']),
  attempts: z.number().int().nonnegative(),
  /** Not tried before this time (ISO): when the channel's window opens, a 429's retry-after, a backoff. */
  dueAt: z.string(),
  lastError: z.string().nullable(),
  /** When it was published: what the channel's publish window counts. Null until done. */
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Crosspost = z.infer<typeof crosspostSchema>;

/** Where publishes wait: SQL (sqlCrosspostQueue.ts) or memory, checked by the same contract tests. */
export interface CrosspostQueue {
  /** Queues `crosspost` unless its id is known already (queued, done or given up); true when added. */
  add(crosspost: Crosspost): Promise<boolean>;
  get(id: string): Promise<Crosspost | null>;
  /**
   * Claims up to `limit` pending publishes that are due and not under a live lease, earliest due
   * first, for `leaseMs`: nobody else gets them until the lease expires or they are updated.
   */
  claim(workerId: string, limit: number, leaseMs: number): Promise<Crosspost[]>;
  /** Writes a claimed publish's new state and releases it; false when `workerId` lost the lease. */
  updateClaimed(crosspost: Crosspost, workerId: string): Promise<boolean>;
  /** When the channel's publishes since `since` (ISO) were done, oldest first. */
  publishedSince(channelId: string, since: string): Promise<string[]>;
  /** The earliest due time of a pending publish, or null when none is pending. */
  nextDue(): Promise<string | null>;
}

const byDue = (a: Crosspost, b: Crosspost) =>
  a.dueAt === b.dueAt ? (a.id < b.id ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1;

/** The queue in process memory (`memory://`, tests), with the same claims and leases as SQL. */
export class MemoryCrosspostQueue implements CrosspostQueue {
  private readonly rows = new Map<string, Crosspost>();
  private readonly claims = new Map<string, { workerId: string; until: number }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async add(crosspost: Crosspost): Promise<boolean> {
    if (this.rows.has(crosspost.id)) return false;
    this.rows.set(crosspost.id, structuredClone(crosspostSchema.parse(crosspost)));
    return true;
  }

  async get(id: string): Promise<Crosspost | null> {
    const row = this.rows.get(id);
    return row ? structuredClone(row) : null;
  }

  async claim(workerId: string, limit: number, leaseMs: number): Promise<Crosspost[]> {
    const at = this.now().getTime();
    const due = [...this.rows.values()]
      .filter(
        (c) =>
          c.status === 'pending' &&
          new Date(c.dueAt).getTime() <= at &&
          (this.claims.get(c.id)?.until ?? 0) <= at,
      )
      .sort(byDue)
      .slice(0, limit);
    for (const c of due) this.claims.set(c.id, { workerId, until: at + leaseMs });
    return due.map((c) => structuredClone(c));
  }

  async updateClaimed(crosspost: Crosspost, workerId: string): Promise<boolean> {
    if (this.claims.get(crosspost.id)?.workerId !== workerId) return false;
    this.rows.set(crosspost.id, structuredClone(crosspostSchema.parse(crosspost)));
    this.claims.delete(crosspost.id);
    return true;
  }

  async publishedSince(channelId: string, since: string): Promise<string[]> {
    return [...this.rows.values()]
      .filter((c) => c.channelId === channelId && c.publishedAt !== null && c.publishedAt >= since)
      .map((c) => c.publishedAt as string)
      .sort();
  }

  async nextDue(): Promise<string | null> {
    return (
      [...this.rows.values()].filter((c) => c.status === 'pending').sort(byDue)[0]?.dueAt ?? null
    );
  }
}
