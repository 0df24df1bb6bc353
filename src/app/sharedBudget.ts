/**
 * The global request budget of a store several processes share: on PostgreSQL (the shared engine)
 * every process's REST client takes its requests from one schedule of send slots; a SQLite file or memory store
 * belongs to one process, whose REST client's own 50 requests/s is the whole limit.
 */
import { SharedRequestBudget } from '../discord/index.js';
import type { Logger, Stores } from '../pipeline/index.js';
import type { SqlStores } from '../store/sql/openSqlStores.js';
import { SqlRequestSlots } from '../store/sql/requestSlots.js';

/** The shared budget for `stores`, or undefined when one process owns them. */
export function sharedBudgetFor(stores: Stores, log: Logger): SharedRequestBudget | undefined {
  const database = (stores as Partial<SqlStores>).database;
  return database?.engine === 'postgres'
    ? new SharedRequestBudget(new SqlRequestSlots(database.db), {
        log: log.child({ module: 'request-budget' }),
      })
    : undefined;
}
