import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../src/feed/parseFeed.js';
import { makeAtomEntry } from '@jikenbo/feed-server';
import { TEST_FEEDS_DIR, testBlogPosts } from '../fixtures/demoBlogFiles.js';

const atom = readFileSync(join(TEST_FEEDS_DIR, 'blogger.atom.xml'), 'utf8');
const rss = readFileSync(join(TEST_FEEDS_DIR, 'blogger.rss.xml'), 'utf8');

function atomFeed(entries: string[], extra = ''): string {
  return `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>${extra}${entries.join('')}</feed>`;
}

describe('parseFeed', () => {
  it('reads every entry of a Blogger Atom feed with id, link, title, dates and text', async () => {
    const feed = await parseFeed(atom, 'http://x/feed');
    expect(feed.posts).toHaveLength(testBlogPosts().length);
    const first = feed.posts[0]!;
    expect(first.id).toMatch(/^tag:blogger\.com,1999:blog-\d+\.post-\d+$/);
    expect(first.link).toMatch(/^https:\/\/jikenbo-test\.example\//);
    expect(first.title).toContain('セキュリティ事件簿');
    expect(first.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(first.text).not.toMatch(/<p>|&lt;/);
    expect(first.html).toContain('<p>');
  });

  it('reads the RSS 2.0 version of the same posts with the same ids', async () => {
    const fromAtom = await parseFeed(atom, 'http://x/feed');
    const fromRss = await parseFeed(rss, 'http://x/feed?alt=rss');
    expect(fromRss.posts.map((p) => p.id)).toEqual(fromAtom.posts.map((p) => p.id));
    expect(fromRss.posts[0]!.updatedAt).toBe(fromAtom.posts[0]!.updatedAt);
    expect(fromRss.posts[0]!.text.length).toBeGreaterThan(100);
  });

  it('reads Blogger labels from <category term> in Atom', async () => {
    const xml = atomFeed([
      makeAtomEntry({
        id: 'e1',
        title: 'x',
        html: '<p>y</p>',
        published: '2024-01-01T00:00:00Z',
      }).replace(
        '</entry>',
        `<category scheme="http://www.blogger.com/atom/ns#" term="スクラップ"/><category term="セキュリティ"/></entry>`,
      ),
    ]);
    expect((await parseFeed(xml, 'http://x')).posts[0]!.categories).toEqual([
      'スクラップ',
      'セキュリティ',
    ]);
  });

  it('gives an empty title (which rss-parser returns as an object) as an empty string', async () => {
    const xml = atomFeed([
      makeAtomEntry({
        id: 'e1',
        title: '',
        html: '<p>本文</p>',
        published: '2024-01-01T00:00:00Z',
      }),
    ]);
    const [post] = (await parseFeed(xml, 'http://x')).posts;
    expect(post!.title).toBe('');
    expect(post!.text).toBe('本文');
  });

  it('derives a stable id from link and title for entries without <id>', async () => {
    const entry = makeAtomEntry({
      id: 'gone',
      title: 'タイトル',
      html: '<p>x</p>',
      published: '2024-01-01T00:00:00Z',
    }).replace(/<id>[^<]*<\/id>/, '');
    const a = (await parseFeed(atomFeed([entry]), 'http://x')).posts[0]!;
    const b = (await parseFeed(atomFeed([entry]), 'http://x')).posts[0]!;
    expect(a.id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(a.id).toBe(b.id);
  });

  it('finds the rel="next" page link', async () => {
    const xml = atomFeed(
      [],
      `<link rel='next' href='http://x/feed?start-index=26&amp;max-results=25'/>`,
    );
    expect((await parseFeed(xml, 'http://x/feed')).nextPageUrl).toBe(
      'http://x/feed?start-index=26&max-results=25',
    );
  });

  it('rejects HTML with a clear reason', async () => {
    await expect(
      parseFeed('<!DOCTYPE html><html><body>hi</body></html>', 'http://x'),
    ).rejects.toThrow(/not a feed/);
  });

  it('rejects truncated XML as malformed', async () => {
    await expect(parseFeed(atom.slice(0, atom.length / 2), 'http://x')).rejects.toBeInstanceOf(
      FeedParseError,
    );
  });

  it('rejects mismatched tags as malformed', async () => {
    await expect(parseFeed(atomFeed(['<entry><id>x</id></entri>']), 'http://x')).rejects.toThrow(
      /malformed/,
    );
  });

  it('accepts an empty feed', async () => {
    expect((await parseFeed(atomFeed([]), 'http://x')).posts).toEqual([]);
  });
});
