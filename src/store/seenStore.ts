/** Which feed entry ids have been seen, so an entry is never alerted twice, across restarts. */
import { z } from 'zod';
import type { SchemaKeyv } from './schemaKeyv.js';

const seenMarkSchema = z.object({ at: z.string() });

export interface SeenStore {
  /** The subset of `ids` already seen. */
  seen(ids: readonly string[]): Promise<Set<string>>;
  markSeen(ids: readonly string[], at: Date): Promise<void>;
}

export class KeyvSeenStore implements SeenStore {
  constructor(private readonly db: SchemaKeyv) {}

  async seen(ids: readonly string[]): Promise<Set<string>> {
    const marks = await this.db.getMany(
      ids.map((id) => `seen:${id}`),
      seenMarkSchema,
    );
    return new Set(ids.filter((_, i) => marks[i] !== null));
  }

  async markSeen(ids: readonly string[], at: Date): Promise<void> {
    const value = { at: at.toISOString() };
    await this.db.setMany(ids.map((id) => ({ key: `seen:${id}`, value })));
  }
}

export class MemorySeenStore implements SeenStore {
  private readonly ids = new Set<string>();

  async seen(ids: readonly string[]): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.ids.has(id)));
  }

  async markSeen(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.ids.add(id);
  }
}
