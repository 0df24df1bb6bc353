/**
 * A thin layer over keyv that parses every value read back with its zod
 * schema (stored data can be older than the code) and keeps id indexes.
 */
import type Keyv from 'keyv';
import type { z } from 'zod';
import type { Logger } from '../log.js';

export class SchemaKeyv {
  /** Serialises read-modify-write of index keys within this process. */
  private indexLock: Promise<unknown> = Promise.resolve();

  constructor(
    readonly keyv: Keyv,
    private readonly log: Logger,
  ) {}

  /** The value at `key` if it parses with `schema`; otherwise null (a bad value is logged and skipped). */
  async get<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | null> {
    return this.check(key, await this.keyv.get(key), schema);
  }

  async getMany<S extends z.ZodType>(keys: string[], schema: S): Promise<(z.infer<S> | null)[]> {
    if (keys.length === 0) return [];
    const values = (await this.keyv.getMany(keys)) as unknown[];
    return keys.map((key, i) => this.check(key, values[i], schema));
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.keyv.set(key, value);
  }

  async setMany(entries: { key: string; value: unknown }[]): Promise<void> {
    if (entries.length === 0) return;
    await this.keyv.setMany(entries);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key);
  }

  /** Reads a string-array index; a missing or unreadable index is empty. */
  async readIndex(key: string): Promise<string[]> {
    const raw: unknown = await this.keyv.get(key);
    if (raw === undefined || raw === null) return [];
    if (Array.isArray(raw) && raw.every((id) => typeof id === 'string')) return raw as string[];
    this.log.warn({ key }, 'stored index is not a list of ids; treating it as empty');
    return [];
  }

  /** Applies `change` to the index at `key` under a lock and writes it back if it changed. */
  async updateIndex(key: string, change: (ids: string[]) => string[]): Promise<string[]> {
    const run = this.indexLock.then(async () => {
      const before = await this.readIndex(key);
      const after = change(before);
      if (after !== before) await this.keyv.set(key, after);
      return after;
    });
    this.indexLock = run.catch(() => undefined);
    return run;
  }

  private check<S extends z.ZodType>(key: string, raw: unknown, schema: S): z.infer<S> | null {
    if (raw === undefined || raw === null) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log.warn(
      {
        key,
        issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
      },
      'stored value does not match its schema; skipped',
    );
    return null;
  }
}

/** Adds `ids` missing from `index`, keeping order; returns the same array when nothing was added. */
export function withIds(index: string[], ids: readonly string[]): string[] {
  const present = new Set(index);
  const added = ids.filter((id) => !present.has(id) && (present.add(id), true));
  return added.length === 0 ? index : [...index, ...added];
}

/** Removes `ids` from `index`; returns the same array when nothing was removed. */
export function withoutIds(index: string[], ids: readonly string[]): string[] {
  const gone = new Set(ids);
  const kept = index.filter((id) => !gone.has(id));
  return kept.length === index.length ? index : kept;
}
