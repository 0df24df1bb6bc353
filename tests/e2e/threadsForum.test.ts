/**
 * Threads and forum posts through the real discord.js client against the emulator: with
 * `threads: on` the updates of an incident go into one thread started on its alert (created once,
 * reused across a restart); without the permission to start threads they reply instead; in a forum
 * each incident is one post carrying its severity and cause tags (created with Manage Channels,
 * else existing ones matched, else none), and its updates land in the same post.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGuild, StoredMessage } from '@jikenbo/discord-emulator';
import { CAUSE_NAMES, SEVERITY_NAMES } from '../../src/classify/vocabulary.js';
import { STORY_FIRST, STORY_UPDATE } from '../fixtures/storyPosts.js';
import { STORY_THIRD } from '../fixtures/threadPosts.js';
import type { Stack } from './stack.js';
import { deliverStory, startThreadStack, WIDE_CAUSE_TAG } from './threadServer.js';

describe('threads and forum posts end to end', () => {
  let stack: Stack;
  let server: DemoGuild;
  const id = (name: string) => server.channel(name);
  const messagesIn = (channelId: string) => stack.emulator.world.messagesIn(channelId);
  const postsIn = (forum: string) => server.guild.threads.filter((t) => t.parent_id === id(forum));
  const tagNames = (forum: string, post = postsIn(forum)[0]) => {
    const tags = stack.emulator.world.findChannel(server.guild.id, forum).available_tags ?? [];
    return (post?.applied_tags ?? []).map((t) => tags.find((x) => x.id === t)?.name);
  };
  beforeAll(async () => {
    ({ stack, server } = await startThreadStack({ store: 'sqlite' }));
    await deliverStory(stack, STORY_FIRST);
    await stack.restart();
    await deliverStory(stack, STORY_UPDATE);
    await stack.restart();
    await deliverStory(stack, STORY_THIRD);
  });
  afterAll(() => stack.stop());

  it('puts both updates into one thread started on the original alert, across restarts', async () => {
    const [original, ...rest] = messagesIn(id('threads-on'));
    expect(rest).toHaveLength(0);
    const threads = server.guild.threads.filter((t) => t.parent_id === id('threads-on'));
    expect(threads.map((t) => t.id)).toEqual([original?.id]);
    expect(threads[0]?.name).toContain('ミナトテック');
    const inThread = messagesIn(original!.id) as Array<
      StoredMessage & { embeds: Array<{ description?: string }> }
    >;
    expect(inThread).toHaveLength(2);
    expect(inThread[0]?.embeds[0]?.description).toContain('35,650');
    expect(inThread[1]?.embeds[0]?.description).toContain('36,100');
    const starts = stack.emulator.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/messages/${original!.id}/threads`),
    );
    expect(starts).toHaveLength(1);
    const delivery = await stack.stores.outbox.get(`tag:first ${id('threads-on')}`);
    expect(delivery?.threadId).toBe(original?.id);
  });

  it('replies to the original where the bot may not start threads', async () => {
    const [original, ...replies] = messagesIn(id('no-threads'));
    expect(replies).toHaveLength(2);
    for (const reply of replies) {
      expect(reply.type).toBe(19);
      expect((reply.message_reference as { message_id: string }).message_id).toBe(original?.id);
    }
    expect(server.guild.threads.filter((t) => t.parent_id === id('no-threads'))).toHaveLength(0);
  });

  it('makes one forum post per incident, with tags it created in the reader’s language, and the updates in it', async () => {
    const [post, ...more] = postsIn('forum-managed');
    expect(more).toHaveLength(0);
    const record = await stack.stores.posts.get('tag:first');
    const { severity, cause } = record!.classification;
    expect(tagNames('forum-managed')).toEqual([SEVERITY_NAMES[severity].ja, CAUSE_NAMES[cause].ja]);
    expect(post?.name).toContain('ミナトテック');
    const inPost = messagesIn(post!.id);
    expect(inPost).toHaveLength(3);
    expect(inPost[0]?.id).toBe(post?.id);
    expect((inPost[1]?.message_reference as { message_id: string }).message_id).toBe(post?.id);
  });

  it('applies the forum’s existing tags matched by name when it may not create tags', async () => {
    const record = await stack.stores.posts.get('tag:first');
    const { severity, cause } = record!.classification;
    expect(cause).toBe('unauthorized_access');
    const forum = stack.emulator.world.findChannel(server.guild.id, 'forum-existing');
    expect(forum.available_tags).toHaveLength(7);
    expect(tagNames('forum-existing')).toEqual([
      SEVERITY_NAMES[severity].en.toUpperCase(),
      WIDE_CAUSE_TAG,
    ]);
    expect(messagesIn(postsIn('forum-existing')[0]!.id)).toHaveLength(3);
  });

  it('posts without tags when none matches and it may not create them', async () => {
    expect(postsIn('forum-none')).toHaveLength(1);
    expect(postsIn('forum-none')[0]?.applied_tags).toEqual([]);
  });
});
