/** Labels shown with both names from the spec, in the reader's language first. */
import {
  CAUSE_NAMES,
  KIND_NAMES,
  SEVERITY_NAMES,
  type Cause,
  type Kind,
  type Severity,
  type DisplayName,
} from '../classify/vocabulary.js';
import type { Lang } from './i18n.js';

function both(name: DisplayName, lang: Lang): string {
  return lang === 'ja' ? `${name.ja} (${name.en})` : `${name.en} (${name.ja})`;
}

export const causeLabel = (cause: Cause, lang: Lang) => both(CAUSE_NAMES[cause], lang);
export const kindLabel = (kind: Kind, lang: Lang) => both(KIND_NAMES[kind], lang);
export const severityLabel = (severity: Severity, lang: Lang) =>
  both(SEVERITY_NAMES[severity], lang);
