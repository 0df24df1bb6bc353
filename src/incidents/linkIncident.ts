/**
 * Incident linking, pure: which earlier post a new post continues. An update (or any post that
 * cites an earlier notice) of the same organisation, within a window, links to the first report
 * of that incident; an explicit citation (the earlier title, its date, 既報/第1報) wins over
 * "the newest post of the same organisation". The link and its reason travel in the record's
 * reasons, so every store keeps it without a schema change.
 */
import type { Reason } from '../classify/classification.js';
import { isIncidentKind } from '../classify/vocabulary.js';
import type { StoredPost } from '../store/postStore.js';
import { CONTINUES_LABEL } from '../store/sql/linkColumns.js';
import { normalizeText, organizationKey } from '../text/organizationKey.js';

export interface LinkOptions {
  /** How far back an earlier post may be and still be the same incident. */
  windowDays: number;
}

export const DEFAULT_LINK_WINDOW_DAYS = 400;

export { CONTINUES_LABEL };

export type LinkRule =
  'link.cited-title' | 'link.cited-date' | 'link.cited-notice' | 'link.same-organization';

export interface IncidentLink {
  /** The first report of the incident: what every later post of it links to. */
  rootId: string;
  /** The earlier post the evidence points at (the root, or an update in between). */
  citedId: string;
  rule: LinkRule;
  /** The words of the new post that made the link (a title, a date, 既報…), or the organisation. */
  evidence: string[];
}

const DAY_MS = 86_400_000;

/** "Newest first" time of a record, as the archive sorts. */
export function timeOf(record: StoredPost): string {
  return record.post.publishedAt ?? record.storedAt;
}

/** The day a post reports (disclosed, else published). */
function dayOf(record: StoredPost): string | null {
  return record.classification.disclosedOn ?? record.post.publishedAt?.slice(0, 10) ?? null;
}

/** The link a record carries, read back from its reasons. */
export function linkOf(record: StoredPost): IncidentLink | null {
  const reason = record.classification.reasons.find((r) => r.label === CONTINUES_LABEL);
  if (!reason) return null;
  return {
    rootId: reason.value,
    citedId: reason.patternId ?? reason.value,
    rule: reason.rule as LinkRule,
    evidence: reason.evidence,
  };
}

/** The id of the incident's first report: the record's own id when it continues nothing. */
export function rootIdOf(record: StoredPost): string {
  return linkOf(record)?.rootId ?? record.post.id;
}

/** A copy of `record` with the link in its reasons (any older link reason replaced). */
export function withLink(record: StoredPost, link: IncidentLink): StoredPost {
  const reason: Reason = {
    label: CONTINUES_LABEL,
    value: link.rootId,
    rule: link.rule,
    evidence: link.evidence,
    patternId: link.citedId,
  };
  const reasons = record.classification.reasons.filter((r) => r.label !== CONTINUES_LABEL);
  return { ...record, classification: { ...record.classification, reasons: [...reasons, reason] } };
}

/** 既報, 第1報, 続報, 前回のお知らせ: the post says it continues an earlier notice. */
const NOTICE_MARKER =
  /既報|第[0-9一二三四五六七八九十]+報|続報|前回(?:の)?(?:お知らせ|ご報告|公表)/u;

/** A date followed closely by a word that makes it a notice's date (公表, お知らせ, 第1報, 付…). */
const CITED_DATE =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\([^)]{1,3}\))?[^。\n]{0,24}?(?:公表|発表|お知らせ|報告|掲載|付|第\d+報|既報)/gu;

/** Dates the text cites as an earlier notice's, as YYYY-MM-DD (a date without a year: the post's year, or the year before). */
function citedDays(text: string, postDay: string | null): Array<{ day: string; words: string }> {
  const year = Number((postDay ?? '').slice(0, 4)) || null;
  const found: Array<{ day: string; words: string }> = [];
  for (const m of text.matchAll(CITED_DATE)) {
    const month = (m[2] as string).padStart(2, '0');
    const date = (m[3] as string).padStart(2, '0');
    const years = m[1] ? [Number(m[1])] : year ? [year, year - 1] : [];
    for (const y of years) found.push({ day: `${y}-${month}-${date}`, words: m[0] });
  }
  return found;
}

/** Titles shorter than this are too generic ("お知らせ") to count as a citation. */
const MIN_CITED_TITLE = 8;

/** Bracketed labels such as 【重要】 and 「第2報」 are not part of what a later post quotes. */
function citableTitle(title: string): string {
  return normalizeText(title.replace(/【[^】]*】|\[[^\]]*\]|\(第\d+報\)|（第\d+報）/gu, ''));
}

/**
 * The earlier post `record` continues, among `candidates` (any posts; only earlier ones of the same
 * organisation within the window count), or null. Pure.
 */
export function linkIncident(
  record: StoredPost,
  candidates: readonly StoredPost[],
  options: LinkOptions,
): IncidentLink | null {
  const c = record.classification;
  if (!isIncidentKind(c.kind)) return null;
  const key = organizationKey(c.organization);
  if (!key) return null;
  const time = timeOf(record);
  if (Number.isNaN(Date.parse(time))) return null;
  const earliest = new Date(Date.parse(time) - options.windowDays * DAY_MS).toISOString();
  const earlier = candidates
    .filter((p) => p.post.id !== record.post.id && isIncidentKind(p.classification.kind))
    .filter((p) => timeOf(p) < time && timeOf(p) >= earliest)
    .filter((p) => organizationKey(p.classification.organization) === key)
    // A candidate that itself continues the new post would make a loop.
    .filter((p) => rootIdOf(p) !== record.post.id)
    .sort((a, b) => (timeOf(a) < timeOf(b) ? 1 : timeOf(a) > timeOf(b) ? -1 : 0));
  if (earlier.length === 0) return null;
  const link = (p: StoredPost, rule: LinkRule, evidence: string[]): IncidentLink => ({
    rootId: rootIdOf(p),
    citedId: p.post.id,
    rule,
    evidence,
  });

  const text = normalizeText(`${record.post.title}\n${record.post.text}`);
  const byTitle = earlier
    .map((p) => ({ p, title: citableTitle(p.post.title) }))
    .filter(({ title }) => title.length >= MIN_CITED_TITLE && text.includes(title))
    .sort((a, b) => b.title.length - a.title.length)[0];
  if (byTitle) return link(byTitle.p, 'link.cited-title', [byTitle.p.post.title]);

  const raw = `${record.post.title}\n${record.post.text}`.normalize('NFKC');
  for (const cited of citedDays(raw, dayOf(record))) {
    const hit = earlier.find(
      (p) =>
        p.classification.disclosedOn === cited.day ||
        p.post.publishedAt?.slice(0, 10) === cited.day,
    );
    if (hit) return link(hit, 'link.cited-date', [cited.words]);
  }

  const marker = NOTICE_MARKER.exec(raw);
  const newest = earlier[0] as StoredPost;
  if (marker) return link(newest, 'link.cited-notice', [marker[0]]);
  // Without a citation, only a post the classifier calls an update continues the newest one.
  if (c.kind === 'incident_update')
    return link(newest, 'link.same-organization', [c.organization as string]);
  return null;
}
