/**
 * Several bots (or test runs) may share one PostgreSQL database, each in a schema of its own. Opening
 * a store migrates it, and Kysely's migrator lists the tables of every schema first: a schema
 * dropped by someone else at that moment must not fail our open.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openSqlDatabase } from '../../src/store/sql/openSqlDatabase.js';
import { PG_URL, POSTGRES_AVAILABLE } from './sql/engines.js';

const schemaName = () => `t_${randomUUID().replace(/-/g, '')}`;

describe.skipIf(!POSTGRES_AVAILABLE)(
  'opening a PostgreSQL store while other schemas are dropped',
  () => {
    it('opens every store although schemas with tables vanish during its migration', async () => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      const doomed = Array.from({ length: 20 }, schemaName);
      const ours = Array.from({ length: 12 }, schemaName);
      try {
        for (const schema of doomed)
          await admin.query(
            `create schema ${schema}; ` +
              Array.from({ length: 8 }, (_, i) => `create table ${schema}.t${i} (id int)`).join(
                '; ',
              ),
          );
        const dropping = (async () => {
          for (const schema of doomed) await admin.query(`drop schema ${schema} cascade`);
        })();
        const opened = await Promise.allSettled(
          ours.map((schema) => openSqlDatabase({ engine: 'postgres', url: PG_URL, schema })),
        );
        await dropping;
        const failures = opened.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
        expect(failures).toEqual([]);
        for (const r of opened) if (r.status === 'fulfilled') await r.value.close();
      } finally {
        for (const schema of [...doomed, ...ours])
          await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    }, 60_000);
  },
);
