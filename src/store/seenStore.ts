/** Which feed entry ids have been seen, so an entry is never alerted twice, across restarts. */

export interface SeenStore {
  /** The subset of `ids` already seen. */
  seen(ids: readonly string[]): Promise<Set<string>>;
  markSeen(ids: readonly string[], at: Date): Promise<void>;
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
