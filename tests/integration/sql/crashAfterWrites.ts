/**
 * A crash harness for the SQL store: after `writes` write statements have run, the next statement
 * throws and so does every one after it, as if the process had been killed there. An open
 * transaction is rolled back, exactly what SQLite and PostgreSQL do for a killed client.
 */
import {
  DeleteQueryNode,
  InsertQueryNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { SqlDatabase } from '../../../src/store/sql/openSqlDatabase.js';
import { StoreError } from '../../../src/store/sql/storeError.js';

export class CrashAfterWrites implements KyselyPlugin {
  /** Write statements let through so far. */
  writes = 0;
  crashed = false;

  constructor(private readonly allowedWrites: number) {}

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const isWrite =
      InsertQueryNode.is(node) || UpdateQueryNode.is(node) || DeleteQueryNode.is(node);
    if (this.crashed || (isWrite && this.writes >= this.allowedWrites)) {
      this.crashed = true;
      throw new StoreError('store: crashed by the test harness', 'crashed');
    }
    if (isWrite) this.writes++;
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** The same database, seen through a connection that crashes after `allowedWrites` writes. */
export function crashAfterWrites(
  database: SqlDatabase,
  allowedWrites: number,
): { database: SqlDatabase; harness: CrashAfterWrites } {
  const harness = new CrashAfterWrites(allowedWrites);
  return { database: { ...database, db: database.db.withPlugin(harness) }, harness };
}
