/** Whether the multi-process e2e tests can run here: PostgreSQL answers and dist/ is built. */
import { POSTGRES_AVAILABLE } from '../integration/sql/engines.js';

/** True when they can; otherwise says which `what` is skipped and why, and returns false. */
export function multiProcessReady(what: string, built: boolean): boolean {
  const ready = POSTGRES_AVAILABLE && built;
  if (!ready)
    console.warn(`${what} skipped: needs PostgreSQL on 127.0.0.1:5432 and a build (npm run build)`);
  return ready;
}
