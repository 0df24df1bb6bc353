/**
 * The one place that makes a reply fit Discord's limits: content 2,000
 * characters; at most 10 embeds, each title 256, description 4,096, 25 fields
 * of name 256 / value 1,024, footer 2,048, author 256, all embeds together
 * 6,000. Over-long text is cut with "…" (Discord counts code points, so do we),
 * so a reply is never refused with a 400 and the user never sees "The
 * application did not respond". Quoted user input and lists have their own
 * helpers so they are cut or summarised before they reach a message.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { t, type Lang } from '../i18n/i18n.js';
import { describeFilter } from '../subscriptions/matchFilter.js';
import type { Subscription } from '../store/guildSettings.js';

export const REPLY_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

const ELLIPSIS = '…';

/** `text` cut to at most `max` code points, ending in … when cut. */
export function cut(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  if (max <= 0) return '';
  return points.slice(0, max - 1).join('') + ELLIPSIS;
}

/**
 * User input as it may appear inside a message: on one line, without backticks
 * (it is shown in `code`), cut to `max` characters with ….
 */
export function quoteInput(text: string, max = 100): string {
  return cut(text.replace(/\s+/g, ' ').replace(/`/g, "'").trim(), max);
}

/**
 * Items joined with `separator`, as many as fit in `max` characters, then
 * "…and N more" in `lang`: a long keyword list summarised, never cut mid-word.
 */
export function summariseList(
  items: readonly string[],
  lang: Lang,
  max: number,
  separator = ', ',
): string {
  const size = (text: string) => [...text].length;
  const shown = (k: number) => {
    const head = items.slice(0, k).join(separator);
    if (k === items.length) return head;
    const more = t(lang, 'reply.more', { count: items.length - k });
    return k > 0 ? `${head} ${more}` : more;
  };
  for (let k = items.length; k > 0; k--) if (size(shown(k)) <= max) return shown(k);
  return cut(shown(0), max);
}

/**
 * A subscription's filter in words with its keyword and exclude lists
 * summarised to `maxPerList` characters each: 20 words of 50 characters in
 * both lists would otherwise make the confirmation longer than a message.
 */
export function describeFilterShort(
  subscription: Subscription,
  lang: Lang,
  maxPerList = 400,
): string {
  const short = (words: readonly string[]) =>
    words.length > 0 ? [summariseList(words, lang, maxPerList)] : [];
  return describeFilter(
    {
      ...subscription,
      keywords: short(subscription.keywords),
      exclude: short(subscription.exclude),
    },
    lang,
  );
}

type Embed = APIEmbed;

/** What an embed's text counts towards the 6,000 total. */
function embedSize(e: Embed): number {
  const len = (s: string | undefined) => (s ? [...s].length : 0);
  return (
    len(e.title) +
    len(e.description) +
    len(e.footer?.text) +
    len(e.author?.name) +
    (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0)
  );
}

function fitEmbed(e: Embed): Embed {
  const out: Embed = { ...e };
  if (e.title !== undefined) out.title = cut(e.title, REPLY_LIMITS.title);
  if (e.description !== undefined) out.description = cut(e.description, REPLY_LIMITS.description);
  if (e.footer) out.footer = { ...e.footer, text: cut(e.footer.text, REPLY_LIMITS.footer) };
  if (e.author) out.author = { ...e.author, name: cut(e.author.name, REPLY_LIMITS.author) };
  if (e.fields)
    out.fields = e.fields.slice(0, REPLY_LIMITS.fields).map((f): APIEmbedField => ({
      ...f,
      name: cut(f.name, REPLY_LIMITS.fieldName) || '—',
      value: cut(f.value, REPLY_LIMITS.fieldValue) || '—',
    }));
  return out;
}

/** Shrinks the longest texts of `embeds` until they total at most 6,000 characters. */
function fitTotal(embeds: Embed[]): Embed[] {
  let over = embeds.reduce((n, e) => n + embedSize(e), 0) - REPLY_LIMITS.total;
  if (over <= 0) return embeds;
  // Descriptions first (the longest text), then field values, last embed first.
  for (let i = embeds.length - 1; i >= 0 && over > 0; i--) {
    const e = embeds[i] as Embed;
    if (e.description) {
      const n = [...e.description].length;
      const keep = Math.max(1, n - over);
      e.description = cut(e.description, keep);
      over -= n - [...e.description].length;
    }
    for (let j = (e.fields ?? []).length - 1; j >= 0 && over > 0; j--) {
      const f = (e.fields as APIEmbedField[])[j] as APIEmbedField;
      const n = [...f.value].length;
      f.value = cut(f.value, Math.max(1, n - over));
      over -= n - [...f.value].length;
    }
  }
  // Still over (many tiny fields): drop whole embeds from the end.
  while (embeds.length > 1 && embeds.reduce((n, e) => n + embedSize(e), 0) > REPLY_LIMITS.total)
    embeds.pop();
  return embeds;
}

/** Anything with toJSON() (an EmbedBuilder) is read as its JSON. */
function asEmbed(e: unknown): Embed {
  const withJson = e as { toJSON?: () => Embed };
  return typeof withJson.toJSON === 'function' ? withJson.toJSON() : { ...(e as Embed) };
}

export interface FittableReply {
  content?: string | undefined;
  embeds?: readonly unknown[] | undefined;
}

/** `reply` with its content and embeds cut to Discord's limits. */
export function fitReply<R extends FittableReply>(reply: R): R & { embeds?: Embed[] } {
  const out = { ...reply } as R & { embeds?: Embed[] };
  if (typeof reply.content === 'string') out.content = cut(reply.content, REPLY_LIMITS.content);
  if (reply.embeds)
    out.embeds = fitTotal(reply.embeds.slice(0, REPLY_LIMITS.embeds).map(asEmbed).map(fitEmbed));
  return out;
}
