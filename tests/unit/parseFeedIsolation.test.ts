import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../src/feed/parseFeed.js';

const atom = (entries: string) =>
  `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>${entries}</feed>`;
const entry = (id: string) =>
  `<entry><id>${id}</id><title>title ${id}</title><content type='html'>body</content><published>2026-01-01T00:00:00Z</published></entry>`;

describe('parseFeed keeps no state between documents', () => {
  it('rejects the same malformed document every time, after other failures', async () => {
    const good = atom(entry('a') + entry('b'));
    const truncated = good.slice(0, good.length / 2);
    const mismatched = atom('<entry><id>x</id></entri>');
    await expect(parseFeed(truncated, 'http://x')).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed(mismatched, 'http://x')).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed(mismatched, 'http://x')).rejects.toBeInstanceOf(FeedParseError);
    // …and a good document afterwards still parses whole.
    expect((await parseFeed(good, 'http://x')).posts.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
