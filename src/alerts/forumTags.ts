/**
 * Which tags a forum post of an incident carries: its severity and its cause, by the names of
 * src/i18n (the reader's language). A tag the forum has already is matched by name in either
 * language, ignoring case and width; one it lacks is created when the bot may manage the channel
 * and the forum has room, else the post goes without it. Pure: the adapter lists and creates.
 */
import { CAUSE_NAMES, SEVERITY_NAMES } from '../classify/vocabulary.js';
import type { Lang } from '../i18n/i18n.js';
import type { StoredPost } from '../store/postStore.js';
import type { ForumTagInfo } from './publisher.js';
import { cut } from './renderAlert.js';

/** Discord's limits: a tag's name, tags per forum, tags per post. */
export const FORUM_TAG_LIMITS = { name: 20, perForum: 20, perPost: 5 } as const;

/** A tag name as compared: NFKC (full-width folds to half-width), lower case, trimmed. */
export function tagKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim();
}

/** What a post's tags need: the ids of tags to apply, and the names of tags to create first. */
export interface ForumTagPlan {
  apply: string[];
  create: string[];
}

/** The names (both languages, whole and cut to Discord's length) a label answers to. */
function namesOf(label: { en: string; ja: string }): string[] {
  return [label.en, label.ja].flatMap((n) => [n, cut(n, FORUM_TAG_LIMITS.name)]);
}

/** The severity and cause labels of `record`. */
function labelsOf(record: StoredPost) {
  const { severity, cause } = record.classification;
  return [SEVERITY_NAMES[severity], CAUSE_NAMES[cause]];
}

/** The tags a post of `record` gets in a forum with tags `available`. */
export function planForumTags(
  record: StoredPost,
  lang: Lang,
  available: readonly ForumTagInfo[],
  canManage: boolean,
): ForumTagPlan {
  const plan: ForumTagPlan = { apply: [], create: [] };
  for (const label of labelsOf(record)) {
    const keys = new Set(namesOf(label).map(tagKey));
    const found = available.find((t) => keys.has(tagKey(t.name)));
    if (found) plan.apply.push(found.id);
    else if (canManage && available.length + plan.create.length < FORUM_TAG_LIMITS.perForum)
      plan.create.push(cut(label[lang], FORUM_TAG_LIMITS.name));
  }
  return plan;
}

/** The ids of `names` among `tags` (the forum's tags after creating them). */
export function idsOfTags(tags: readonly ForumTagInfo[], names: readonly string[]): string[] {
  return names.flatMap((n) => tags.filter((t) => tagKey(t.name) === tagKey(n)).map((t) => t.id));
}
