import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parseFeed.js';
import { postSchema } from '../../src/feed/post.js';
import { htmlToText } from '../../src/text/htmlToText.js';
import { safeHttpUrl, stripInvisible } from '../../src/text/invisible.js';

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;

describe('issue 9 pt 10: what people are shown from a feed', () => {
  it('keys an entry without <id>/<guid> by its link alone: an edited title is the same post', async () => {
    const item = (title: string) =>
      rss(`<item><title>${title}</title><link>https://blog.example/2026/a.html</link></item>`);
    const before = await parseFeed(item('漏えいのお知らせ'), 'https://blog.example/feed');
    const after = await parseFeed(
      item('漏えいのお知らせ(続報で修正)'),
      'https://blog.example/feed',
    );
    expect(after.posts[0]?.id).toBe(before.posts[0]?.id);
  });

  it('keeps only http(s) links: javascript: and data: links become null', async () => {
    const feed = await parseFeed(
      rss(
        '<item><guid>1</guid><title>a</title><link>javascript:alert(1)</link></item>' +
          '<item><guid>2</guid><title>b</title><link>data:text/html,x</link></item>' +
          '<item><guid>3</guid><title>c</title><link>/2026/c.html</link></item>' +
          '<item><guid>4</guid><title>d</title><link>https://blog.example/事件.html</link></item>',
      ),
      'https://blog.example/feed',
    );
    expect(feed.posts.map((p) => p.link)).toEqual([
      null,
      null,
      'https://blog.example/2026/c.html',
      'https://blog.example/事件.html',
    ]);
  });

  it('a link cannot end a Markdown masked link early', () => {
    expect(safeHttpUrl('https://a.example/x) [click](https://evil.example')).not.toMatch(
      /[ ()[\]]/,
    );
    expect(safeHttpUrl('JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('drops RTL overrides, bidi isolates and zero-width characters from titles and text', async () => {
    const feed = await parseFeed(
      rss(
        '<item><guid>1</guid><title>invoice\u202egpj.exe\u200b</title>' +
          '<description>個人\u200d情報\u2066の\u2069漏えい\ufeff</description></item>',
      ),
      'https://blog.example/feed',
    );
    expect(feed.posts[0]?.title).toBe('invoicegpj.exe');
    expect(feed.posts[0]?.text).toBe('個人情報の漏えい');
    expect(htmlToText('a\u200fb')).toBe('ab');
    expect(stripInvisible('plain')).toBe('plain');
  });

  it('cleans posts read back from an older store too', () => {
    const stored = postSchema.parse({
      id: 'x',
      feedUrl: 'https://blog.example/feed',
      link: 'javascript:alert(1)',
      title: 'a\u202eb',
      publishedAt: null,
      updatedAt: null,
      categories: [],
      html: '',
      text: '',
    });
    expect(stored).toMatchObject({ link: null, title: 'ab' });
  });
});
