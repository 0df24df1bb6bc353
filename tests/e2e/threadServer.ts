/**
 * The server of the thread and forum end-to-end tests: a text channel with `threads: on`, one where
 * the bot may not start threads, and forums where it may create tags, has matching tags, or neither.
 */
import {
  addDemoGuild,
  channel,
  ChannelType,
  Permission,
  str,
  subcommand,
  type DemoGuild,
  type World,
} from '@jikenbo/discord-emulator';
import type { FixtureEntry } from '@jikenbo/feed-server';
import { SEVERITY_NAMES } from '../../src/classify/vocabulary.js';
import { STORY_OTHER } from '../fixtures/storyPosts.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

const BOT = 'jikenbo';

/** An existing cause tag of forum-existing: the English name, in full width. */
export const WIDE_CAUSE_TAG = 'ｕｎａｕｔｈｏｒｉｚｅｄ ａｃｃｅｓｓ / ｉｎｔｒｕｓｉｏｎ';

/** Adds the server to `world` (as a stack's `populate`). */
export function addThreadServer(world: World): DemoGuild {
  return addDemoGuild(world, {
    name: 'threads server',
    preferredLocale: 'ja',
    roles: [{ name: 'Admin', permissions: Permission.ManageGuild | Permission.ViewChannel }],
    members: [{ name: 'owner' }, { name: 'admin', roles: ['Admin'] }],
    channels: [
      { name: 'general' },
      { name: 'threads-on' },
      { name: 'no-threads', overwrites: [{ target: BOT, deny: Permission.CreatePublicThreads }] },
      {
        name: 'forum-managed',
        type: ChannelType.GuildForum,
        overwrites: [{ target: BOT, allow: Permission.ManageChannels }],
      },
      {
        name: 'forum-existing',
        type: ChannelType.GuildForum,
        // The names in the other language, in other case and width: matched all the same.
        tags: [
          'phishing',
          ...Object.values(SEVERITY_NAMES).map((n) => n.en.toUpperCase()),
          WIDE_CAUSE_TAG,
        ],
      },
      { name: 'forum-none', type: ChannelType.GuildForum, tags: ['phishing'] },
    ],
  });
}

/** Subscribes the server's channels as its admin does (in Japanese), threads on in text channels. */
export async function subscribeThreadServer(stack: Stack, server: DemoGuild): Promise<void> {
  const target = {
    guildId: server.guild.id,
    channelId: server.channel('general'),
    userId: server.user('admin'),
    locale: 'ja',
  };
  for (const name of ['threads-on', 'no-threads', 'forum-managed', 'forum-existing', 'forum-none'])
    await stack.emulator.runCommand(
      target,
      'alerts',
      subcommand('subscribe', [
        channel('channel', server.channel(name)),
        str('min_severity', 'low'),
        ...(name.includes('threads') ? [str('threads', 'on')] : []),
      ]),
    );
}

/** Publishes `entry` on the feed, polls and waits until its alerts are delivered. */
export async function deliverStory(stack: Stack, entry: FixtureEntry): Promise<void> {
  stack.feed.publish(entry);
  await stack.bot.pollOnce();
  await stack.bot.deliverer.idle();
}

/**
 * A stack with the thread server, its channels subscribed and the feed's first poll done (its
 * history, which alerts nothing): each story entry published from here on is new.
 */
export async function startThreadStack(
  options: Pick<StackOptions, 'store'> = {},
): Promise<{ stack: Stack; server: DemoGuild }> {
  let server: DemoGuild | undefined;
  const stack = await startStack({
    ...options,
    entries: [STORY_OTHER],
    populate: (world) => {
      server = addThreadServer(world);
    },
  });
  await subscribeThreadServer(stack, server as DemoGuild);
  await stack.bot.pollOnce();
  return { stack, server: server as DemoGuild };
}
