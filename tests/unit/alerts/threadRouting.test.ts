import { describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import { planForumTags } from '../../../src/alerts/forumTags.js';
import {
  PublishError,
  type Publisher,
  type ThreadPublisher,
} from '../../../src/alerts/publisher.js';
import type { ReplyMessage } from '../../../src/alerts/renderUpdate.js';
import { routeOf } from '../../../src/alerts/threadRoute.js';
import { withLink } from '../../../src/incidents/linkIncident.js';
import { silentLogger } from '../../../src/log.js';
import { memoryStores } from '../../../src/store/openStores.js';
import { makeDelivery, makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

const first = makeStoredPost('p1', '2025-03-04T00:00:00Z', {
  organization: '株式会社ミナトテック',
  affected: 2850,
  severity: 'medium',
  cause: 'ransomware',
});
first.post.title = '【セキュリティ事件簿#2025-101】ランサムウェア被害のお知らせ';
const linked = (id: string, at: string, affected: number) =>
  withLink(
    makeStoredPost(id, at, {
      kind: 'incident_update',
      organization: 'ミナトテック（株）',
      affected,
      severity: 'high',
      cause: 'ransomware',
    }),
    { rootId: 'p1', citedId: 'p1', rule: 'link.cited-date', evidence: ['3月4日に公表'] },
  );
const update1 = linked('p2', '2025-04-20T00:00:00Z', 35650);
const update2 = linked('p3', '2025-04-21T00:00:00Z', 40000);

describe('routeOf (where a delivery goes)', () => {
  const earlier = { ...makeDelivery('p1', 'c1'), status: 'delivered' as const, messageId: 'm1' };
  const context = { original: first, previous: first, replyTo: 'm1', earlier };

  it('keeps an update in the channel (a reply) unless threads are on', () => {
    expect(routeOf(update1, {}, context)).toEqual({ kind: 'channel' });
  });

  it('sends an update with threads on into a thread on the original, named after the incident', () => {
    expect(routeOf(update1, { threads: true }, context)).toEqual({
      kind: 'thread',
      starterId: 'm1',
      threadId: null,
      earlierDeliveryId: earlier.id,
      name: 'ランサムウェア被害のお知らせ',
    });
    const recorded = { ...context, earlier: { ...earlier, threadId: 'm1' } };
    expect(routeOf(update1, { threads: true }, recorded)).toMatchObject({ threadId: 'm1' });
  });

  it('keeps a first report, and an update whose original was not alerted, in the channel', () => {
    expect(routeOf(first, { threads: true }, null)).toEqual({ kind: 'channel' });
    const unalerted = { original: first, previous: first, replyTo: null };
    expect(routeOf(update1, { threads: true }, unalerted)).toEqual({ kind: 'channel' });
  });

  it('makes a forum post of a first report and sends its updates into that post', () => {
    expect(routeOf(first, { forum: true }, null)).toEqual({
      kind: 'forum-post',
      name: 'ランサムウェア被害のお知らせ',
    });
    expect(routeOf(update1, { forum: true }, context)).toMatchObject({
      kind: 'forum-update',
      threadId: 'm1',
    });
  });

  it('cuts a thread name to Discord’s 100 characters', () => {
    const long = makeStoredPost('p9', '2025-03-04T00:00:00Z');
    long.post.title = 'あ'.repeat(150);
    const route = routeOf(long, { forum: true }, null);
    expect(route.kind === 'forum-post' && [...route.name].length).toBe(100);
  });
});

describe('planForumTags (severity and cause tags of a forum post)', () => {
  it('creates the missing tags in the reader’s language when the bot may manage the forum', () => {
    expect(planForumTags(first, 'ja', [], true)).toEqual({
      apply: [],
      create: ['中', 'ランサムウェア'],
    });
    expect(planForumTags(first, 'en', [], true).create).toEqual(['Medium', 'Ransomware']);
  });

  it('matches existing tags by name in either language, ignoring case and width', () => {
    const tags = [
      { id: 't1', name: 'ＭＥＤＩＵＭ' },
      { id: 't2', name: 'ransomware' },
    ];
    expect(planForumTags(first, 'ja', tags, false)).toEqual({ apply: ['t1', 't2'], create: [] });
  });

  it('applies no tag when none matches and the bot may not create them', () => {
    expect(planForumTags(first, 'ja', [{ id: 't1', name: 'phishing' }], false)).toEqual({
      apply: [],
      create: [],
    });
  });

  it('cuts a created tag to Discord’s 20 characters and stops at 20 tags per forum', () => {
    const intrusion = makeStoredPost('p8', '2025-03-04T00:00:00Z', {
      cause: 'unauthorized_access',
    });
    const created = planForumTags(intrusion, 'en', [], true).create;
    expect(created.every((n) => [...n].length <= 20)).toBe(true);
    const full = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: `tag ${i}` }));
    expect(planForumTags(first, 'en', full, true).create).toEqual([]);
  });
});

/** A publisher with threads that records what happened, with failures to inject. */
function fakeDiscord(fail: { start?: PublishError; inThread?: PublishError } = {}) {
  const sent: Array<{ channelId: string; message: ReplyMessage; messageId: string }> = [];
  const started: string[] = [];
  const existing = new Set<string>();
  const threads: ThreadPublisher = {
    async findThread(messageId) {
      return existing.has(messageId) ? messageId : null;
    },
    async startThread(_channelId, messageId) {
      if (fail.start) throw fail.start;
      started.push(messageId);
      existing.add(messageId);
      return messageId;
    },
    forumTags: async () => ({ tags: [], canManage: false }),
    setForumTags: async () => [],
    createForumPost: async () => 'post',
    findForumPost: async () => null,
  };
  const publisher: Publisher = {
    async publish(channelId, message) {
      if (existing.has(channelId) && fail.inThread) throw fail.inThread;
      const messageId = `m${sent.length + 1}`;
      sent.push({ channelId, message: message as ReplyMessage, messageId });
      return { messageId };
    },
    threads,
  };
  return { publisher, sent, started, existing };
}

async function run(
  discord: ReturnType<typeof fakeDiscord>,
  ...batches: Array<Array<typeof first>>
) {
  const stores = memoryStores();
  const settings = makeGuildSettings('g1', ['c1']);
  settings.subscriptions[0]!.threads = true;
  await stores.guilds.set(settings);
  const deliverer = new AlertDeliverer({
    stores,
    publisher: discord.publisher,
    now: () => new Date('2025-04-22T00:00:00Z'),
    log: silentLogger(),
    options: testLimits().delivery,
  });
  for (const records of batches) {
    await stores.posts.put(records);
    await deliverer.enqueue(records);
    await deliverer.idle();
  }
  return stores;
}

describe('delivery with threads on', () => {
  it('starts one thread on the original for two updates and records it on the original’s delivery', async () => {
    const discord = fakeDiscord();
    const stores = await run(discord, [first], [update1], [update2]);
    expect(discord.started).toEqual(['m1']);
    expect(discord.sent.map((s) => s.channelId)).toEqual(['c1', 'm1', 'm1']);
    expect(discord.sent[1]?.message.message_reference).toBeUndefined();
    expect((await stores.outbox.get('p1 c1'))?.threadId).toBe('m1');
  });

  it('reuses a thread started on the original but never recorded (a send that died) instead of a second one', async () => {
    const discord = fakeDiscord();
    discord.existing.add('m1');
    await run(discord, [first], [update1]);
    expect(discord.started).toEqual([]);
    expect(discord.sent.map((s) => s.channelId)).toEqual(['c1', 'm1']);
  });

  it('replies in the channel when the bot may not start threads', async () => {
    const discord = fakeDiscord({
      start: new PublishError('forbidden', '403 Missing Permissions', 403, 50013),
    });
    const stores = await run(discord, [first], [update1]);
    expect(discord.sent.map((s) => s.channelId)).toEqual(['c1', 'c1']);
    expect(discord.sent[1]?.message.message_reference).toEqual({
      message_id: 'm1',
      fail_if_not_exists: false,
    });
    expect((await stores.guilds.get('g1'))?.subscriptions[0]?.health.status).toBe('ok');
  });

  it('replies in the channel when the thread is gone, without marking the channel broken', async () => {
    const discord = fakeDiscord({
      inThread: new PublishError('unknown-channel', '404 Unknown Channel', 404, 10003),
    });
    const stores = await run(discord, [first], [update1]);
    expect(discord.sent.map((s) => s.channelId)).toEqual(['c1', 'c1']);
    expect((await stores.outbox.get('p2 c1'))?.status).toBe('delivered');
    expect((await stores.guilds.get('g1'))?.subscriptions[0]?.health.status).toBe('ok');
  });
});
