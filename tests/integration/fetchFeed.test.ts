import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedFetchError, fetchFeed } from '../../src/feed/fetchFeed.js';
import { FeedServer } from '@jikenbo/feed-server';
import { testLimits } from '../helpers/limits.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';

const none = { etag: null, lastModified: null };

describe('fetchFeed over real HTTP', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await new FeedServer(FIXTURE_ENTRIES.slice(0, 5)).start();
  });
  afterEach(() => server.stop());

  it('sends a User-Agent naming the bot and asks for gzip, and decodes a gzipped body', async () => {
    const result = await fetchFeed(server.feedUrl, none, testLimits().fetch);
    expect(result.status).toBe('ok');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^jikenbo\//);
    expect(server.requests[0]!.headers['accept-encoding']).toMatch(/gzip/);
    if (result.status === 'ok') expect(result.body).toContain('セキュリティ事件簿');
  });

  it('sends the validators it was given and resolves not-modified on 304', async () => {
    const first = await fetchFeed(server.feedUrl, none, testLimits().fetch);
    if (first.status !== 'ok') throw new Error('expected a body');
    expect(first.validators.etag).toMatch(/^".+"$/);
    const second = await fetchFeed(server.feedUrl, first.validators, testLimits().fetch);
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requests[1]!.headers['if-none-match']).toBe(first.validators.etag);
    expect(server.requests[1]!.headers['if-modified-since']).toBe(first.validators.lastModified);
  });

  it('follows a redirect to the feed', async () => {
    server.failNext({ type: 'redirect-loop' }, 2);
    const result = await fetchFeed(server.feedUrl, none, testLimits().fetch);
    expect(result.status).toBe('ok');
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['a server error', { type: 'status', status: 500 } as const, 'http-status', /HTTP 500/],
    ['a redirect loop', { type: 'redirect-loop' } as const, 'redirects', /redirects/],
    ['a server that never answers', { type: 'hang' } as const, 'timeout', /within 1000 ms/],
    [
      'a body over the size limit',
      { type: 'oversize', bytes: 300_000 } as const,
      'oversize',
      /exceeds the limit/,
    ],
  ])('fails with a clear reason on %s', async (_what, fault, reason, message) => {
    server.failNext(fault, 20);
    const error = await fetchFeed(
      server.feedUrl,
      none,
      testLimits({ maxBodyBytes: 200_000 }).fetch,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedFetchError);
    expect((error as FeedFetchError).reason).toBe(reason);
    expect((error as FeedFetchError).message).toMatch(message);
  });

  it('stops reading a body that grows past the limit even without Content-Length', async () => {
    server.failNext({ type: 'body', body: 'x'.repeat(5000) });
    const limits = testLimits({ maxBodyBytes: 2048 }).fetch;
    await expect(fetchFeed(server.feedUrl, none, limits)).rejects.toThrow(/exceeds the limit/);
  });

  it('reports a refused connection as a network error', async () => {
    const origin = server.origin;
    await server.stop();
    const error = await fetchFeed(`${origin}/feed`, none, testLimits().fetch).catch(
      (e: unknown) => e,
    );
    expect((error as FeedFetchError).reason).toBe('network');
  });
});
