/**
 * Parses a Blogger Atom or RSS 2.0 document into Posts with rss-parser.
 * Pure: no network, no Discord, no classifier.
 */
import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { htmlToText } from '../text/htmlToText.js';
import { safeHttpUrl, stripInvisible } from '../text/invisible.js';
import type { Post } from './post.js';

export interface ParsedFeed {
  title: string | null;
  /** The `rel="next"` page of a paged (Blogger) feed, absolute. */
  nextPageUrl: string | null;
  posts: Post[];
}

/** The document is not a feed we can read (HTML, truncated or malformed XML, an unknown format). */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

interface XmlLink {
  $?: { rel?: string; href?: string };
}
interface XmlCategory {
  _?: string;
  $?: { term?: string };
}
type RawItem = Record<string, unknown>;

type FeedExtras = { links?: XmlLink[]; atomLinks?: XmlLink[] };
// rss-parser's typings omit keepArray for feed-level fields, which it supports at run time.
const parserOptions = {
  customFields: {
    feed: [
      ['link', 'links', { keepArray: true }],
      ['atom:link', 'atomLinks', { keepArray: true }],
    ],
    item: [
      ['published', 'published'],
      ['updated', 'updated'],
      ['atom:updated', 'atomUpdated'],
      ['category', 'categoryTags', { keepArray: true }],
      ['content:encoded', 'contentEncoded'],
    ],
  },
} as unknown as Parser.ParserOptions<FeedExtras, RawItem>;

/** rss-parser hands back an object (not a string) for an empty `<title type='text'/>`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') {
    return (value as { _: string })._;
  }
  return '';
}

function isoOrNull(value: unknown): string | null {
  const text = textOf(value).trim();
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function categoriesOf(item: RawItem): string[] {
  const tags = Array.isArray(item.categoryTags)
    ? (item.categoryTags as (XmlCategory | string)[])
    : [];
  const names = tags.map((tag) =>
    (typeof tag === 'string' ? tag : (tag.$?.term ?? tag._ ?? '')).trim(),
  );
  return [...new Set(names.filter((name) => name.length > 0))];
}

/**
 * The key of an entry without <id>/<guid>: its link alone, so an edited title
 * does not make it a new post (and alert again); the title only when there is
 * no link at all.
 */
function fallbackId(link: string | null, title: string): string {
  return `sha256:${createHash('sha256')
    .update(link ?? `title:${title}`)
    .digest('hex')
    .slice(0, 32)}`;
}

function toPost(item: RawItem, feedUrl: string): Post {
  const title = stripInvisible(textOf(item.title)).trim();
  // Only http(s) links are kept: a javascript: or data: link must never become a masked link.
  const link = safeHttpUrl(textOf(item.link), feedUrl);
  const rawId = textOf(item.id).trim() || textOf(item.guid).trim();
  const html = textOf(item.contentEncoded) || textOf(item.content) || textOf(item.summary);
  return {
    id: rawId || fallbackId(link, title),
    feedUrl,
    link,
    title,
    publishedAt: isoOrNull(item.published) ?? isoOrNull(item.pubDate) ?? isoOrNull(item.isoDate),
    updatedAt: isoOrNull(item.updated) ?? isoOrNull(item.atomUpdated),
    categories: categoriesOf(item),
    html,
    text: htmlToText(html),
  };
}

function nextLink(links: XmlLink[] | undefined, baseUrl: string): string | null {
  const href = links?.find((link) => link.$?.rel === 'next')?.$?.href;
  if (!href) return null;
  try {
    return new URL(href, baseUrl).toString();
  } catch {
    return null;
  }
}

/** Parses `xml` fetched from `feedUrl`; throws FeedParseError on anything that is not a readable feed. */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const head = xml.slice(0, 2048).toLowerCase();
  if (!/<(feed|rss|rdf:rdf)[\s>]/.test(xml.slice(0, 4096)) || head.includes('<html')) {
    throw new FeedParseError(
      'not a feed: the document has no <feed> or <rss> root (HTML or another format?)',
    );
  }
  // One parser per document: rss-parser reuses its xml2js parser, whose SAX state survives a
  // failed parse, so a shared instance later accepted a malformed document it had rejected.
  const parser = new Parser<FeedExtras, RawItem>(parserOptions);
  let parsed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    parsed = await parser.parseString(xml);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new FeedParseError(`malformed feed XML: ${reason}`);
  }
  const items = (parsed.items ?? []) as RawItem[];
  return {
    title: textOf(parsed.title).trim() || null,
    nextPageUrl: nextLink(parsed.links, feedUrl) ?? nextLink(parsed.atomLinks, feedUrl),
    posts: items.map((item) => toPost(item, feedUrl)),
  };
}
