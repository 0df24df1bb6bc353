/**
 * A thin layer over keyv that parses every value read back with its zod
 * schema (stored data can be older than the code); reads an id index an
 * older version kept (guild settings), to move it into its table.
 */
import type Keyv from 'keyv';
import type { z } from 'zod';
import type { Logger } from '../log.js';

export class SchemaKeyv {
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
