/** A feed entry, normalised from Blogger Atom or RSS 2.0. */
import { z } from 'zod';

export const postSchema = z.object({
  /** From <id>/<guid>, else a hash of link and title. Unique across feeds. */
  id: z.string().min(1),
  feedUrl: z.string(),
  link: z.string().nullable(),
  title: z.string(),
  /** ISO 8601 timestamps, or null when the feed gives none. */
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  categories: z.array(z.string()),
  html: z.string(),
  /** Plain text of `html` (entities decoded, NFKC, whitespace folded). */
  text: z.string(),
});
export type Post = z.infer<typeof postSchema>;
