import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = join(PROJECT_ROOT, '..', 'shared');
export const FEEDS_DIR = join(SHARED, 'fixtures', 'feeds');
export const LABELS_FILE = join(SHARED, 'fixtures', 'labels', 'dev.jsonl');
export const CONFIG_DIR = join(PROJECT_ROOT, 'config');
