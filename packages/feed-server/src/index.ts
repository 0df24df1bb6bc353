/**
 * A local blog for development: serves Atom entries over HTTP with conditional
 * GET, gzip and injectable faults, and reads fixture feeds as entries.
 * Dev-only: used by the tests, the benches and `jikenbo demo`, never shipped.
 */
export { FeedServer, FEED_PATH, type Fault, type RecordedRequest } from './feedServer.js';
export {
  entriesOfAtom,
  loadFixtureEntries,
  makeAtomEntry,
  type FixtureEntry,
} from './atomFixtures.js';
