/**
 * Characters that change how text looks without being seen: bidirectional
 * embeddings, overrides and isolates (an RTL override can make
 * "exe.txt" read "txt.exe"), directional marks, zero-width spaces and joiners,
 * the word joiner and the byte-order mark. Titles and text shown to people
 * (alerts, /incident replies) and read by the classifier drop them.
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * `link` as written when it is an absolute http(s) URL, resolved against `base`
 * when relative; null for anything else (javascript:, data:, unparsable).
 */
export function safeHttpUrl(link: string | null | undefined, base?: string): string | null {
  const raw = link?.trim();
  if (!raw) return null;
  const absolute = URL.canParse(raw);
  if (!absolute && (!base || !URL.canParse(raw, base))) return null;
  const url = absolute ? new URL(raw) : new URL(raw, base);
  if (!isHttp(url)) return null;
  // As written when plain; otherwise encoded, so that no space, bracket or backtick can end a
  // Markdown link early and smuggle in text of its own.
  if (absolute && !/[\s()<>`[\]]/.test(raw)) return raw;
  return url
    .toString()
    .replace(/[()[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
