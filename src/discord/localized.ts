/** Japanese names for commands, options and choices, and the shared severity/cause choices. */
import { CAUSES, CAUSE_NAMES, SEVERITIES, SEVERITY_NAMES } from '../classify/vocabulary.js';

export const ja = (text: string) => ({ ja: text });

export const SEVERITY_CHOICES = SEVERITIES.map((s) => ({
  name: `${SEVERITY_NAMES[s].en} / ${SEVERITY_NAMES[s].ja}`,
  name_localizations: ja(`${SEVERITY_NAMES[s].ja} / ${SEVERITY_NAMES[s].en}`),
  value: s,
}));

export const CAUSE_CHOICES = CAUSES.map((c) => ({
  name: `${CAUSE_NAMES[c].en} / ${CAUSE_NAMES[c].ja}`.slice(0, 100),
  name_localizations: ja(`${CAUSE_NAMES[c].ja} / ${CAUSE_NAMES[c].en}`.slice(0, 100)),
  value: c,
}));

/** Choices completing the last item of a comma-separated list of ids. */
export function completeIdList(
  typed: string,
  ids: readonly string[],
  label: (id: string) => string,
) {
  const parts = typed.split(',');
  const last = (parts.pop() ?? '').trim().toLowerCase();
  const done = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  const prefix = done.length > 0 ? `${done.join(',')},` : '';
  return ids
    .filter(
      (id) => !done.includes(id) && (id.includes(last) || label(id).toLowerCase().includes(last)),
    )
    .slice(0, 25)
    .map((id) => ({
      // People read names; the value keeps the ids the command parses.
      name: [...done, id]
        .map((i) => (ids.includes(i) ? label(i) : i))
        .join(', ')
        .slice(0, 100),
      value: `${prefix}${id}`.slice(0, 100),
    }));
}
