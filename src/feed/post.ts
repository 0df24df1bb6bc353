/** A feed entry, normalised from Blogger Atom or RSS 2.0. */
import { z } from 'zod';
import { safeHttpUrl, stripInvisible } from '../text/invisible.js';

export const postSchema = z.object({
  /** From <id>/<guid>, else a hash of the link (of the title when there is no link). Unique across feeds. */
  id: z.string().min(1),
  feedUrl: z.string(),
  /** An absolute http(s) URL or null; anything else read back from an older store becomes null. */
  link: z
    .string()
    .nullable()
    .transform((link) => safeHttpUrl(link)),
  /** Without bidi overrides or zero-width characters, also when read back from an older store. */
  title: z.string().transform(stripInvisible),
  /** ISO 8601 timestamps, or null when the feed gives none. */
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  categories: z.array(z.string()),
  html: z.string(),
  /** Plain text of `html` (entities decoded, NFKC, whitespace folded). */
  text: z.string(),
});
export type Post = z.infer<typeof postSchema>;
