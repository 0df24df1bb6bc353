import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../src/emulator.js';
import { Permission } from '../src/permissions.js';
import { archiveThread } from '../src/threads.js';
import { viewState } from '../src/view/viewState.js';
import { ChannelType, type EmuGuild } from '../src/world.js';

let emulator: DiscordEmulator;
let guild: EmuGuild;

beforeEach(async () => {
  emulator = await new DiscordEmulator({}).start();
  guild = emulator.world.addGuild({
    name: 'Threads',
    members: [{ name: 'owner' }],
    roles: [{ name: 'forum-admin', permissions: Permission.ManageChannels }],
    channels: [
      { name: 'alerts' },
      {
        name: 'no-threads',
        overwrites: [{ target: '@everyone', deny: Permission.CreatePublicThreads }],
      },
      {
        name: 'no-thread-send',
        overwrites: [{ target: '@everyone', deny: Permission.SendMessagesInThreads }],
      },
      { name: 'hidden', overwrites: [{ target: '@everyone', deny: Permission.ViewChannel }] },
      { name: 'incidents', type: ChannelType.GuildForum, tags: ['high', 'ransomware'] },
    ],
  });
});
afterEach(() => emulator.stop());

const id = (name: string) => emulator.world.findChannel(guild.id, name).id;

/** The fields these tests read of an answer. */
type Answer = Record<string, unknown> & {
  id: string;
  code?: number;
  channel_id?: string;
  errors?: Record<string, { _errors?: Array<{ code: string }> } & Record<string, unknown>>;
};

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.apiUrl}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bot ${emulator.token}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

const post = (channelId: string, content: string) =>
  call('POST', `/channels/${channelId}/messages`, { content });

describe('emulator threads from messages', () => {
  it('starts one thread per message, with the message id, that messages can be posted into', async () => {
    const alert = await post(id('alerts'), 'first report');
    const thread = await call(
      'POST',
      `/channels/${id('alerts')}/messages/${alert.json.id}/threads`,
      {
        name: 'Incident at Example Corp',
      },
    );
    expect(thread.status).toBe(201);
    expect(thread.json).toMatchObject({
      id: alert.json.id,
      type: ChannelType.PublicThread,
      parent_id: id('alerts'),
      thread_metadata: { archived: false, locked: false },
    });
    const again = await call(
      'POST',
      `/channels/${id('alerts')}/messages/${alert.json.id}/threads`,
      {
        name: 'again',
      },
    );
    expect(again.status).toBe(400);
    expect(again.json.code).toBe(160004);
    expect((await call('GET', `/channels/${alert.json.id}`)).json.type).toBe(
      ChannelType.PublicThread,
    );
    const inThread = await post(alert.json.id, 'update');
    expect(inThread.status).toBe(200);
    expect(inThread.json.channel_id).toBe(alert.json.id);
    expect(emulator.world.channel(alert.json.id)?.channel.message_count).toBe(1);
  });

  it('refuses without Create Public Threads (50013), without access (50001), on unknown messages and bad names', async () => {
    const alert = await post(id('no-threads'), 'first report');
    const denied = await call(
      'POST',
      `/channels/${id('no-threads')}/messages/${alert.json.id}/threads`,
      {
        name: 'x',
      },
    );
    expect([denied.status, denied.json.code]).toEqual([403, 50013]);
    const hidden = await call('POST', `/channels/${id('hidden')}/messages/1/threads`, {
      name: 'x',
    });
    expect([hidden.status, hidden.json.code]).toEqual([403, 50001]);
    const unknown = await call('POST', `/channels/${id('alerts')}/messages/123/threads`, {
      name: 'x',
    });
    expect([unknown.status, unknown.json.code]).toEqual([404, 10008]);
    const ok = await post(id('alerts'), 'first report');
    const long = await call('POST', `/channels/${id('alerts')}/messages/${ok.json.id}/threads`, {
      name: 'x'.repeat(101),
      auto_archive_duration: 5,
    });
    expect(long.status).toBe(400);
    expect(long.json.code).toBe(50035);
    expect(Object.keys(long.json.errors ?? {}).sort()).toEqual(['auto_archive_duration', 'name']);
  });

  it('unarchives an archived thread on a post, refuses a locked one (50083) and one without Send Messages in Threads', async () => {
    const alert = await post(id('alerts'), 'first report');
    await call('POST', `/channels/${id('alerts')}/messages/${alert.json.id}/threads`, {
      name: 't',
    });
    archiveThread(emulator.world, alert.json.id);
    expect((await post(alert.json.id, 'update')).status).toBe(200);
    expect(emulator.world.channel(alert.json.id)?.channel.thread_metadata?.archived).toBe(false);
    archiveThread(emulator.world, alert.json.id, true);
    const locked = await post(alert.json.id, 'update');
    expect([locked.status, locked.json.code]).toEqual([400, 50083]);
    const other = await post(id('no-thread-send'), 'first report');
    await call('POST', `/channels/${id('no-thread-send')}/messages/${other.json.id}/threads`, {
      name: 't',
    });
    const refused = await post(other.json.id, 'update');
    expect([refused.status, refused.json.code]).toEqual([403, 50013]);
  });

  it('starts a thread without a message in a text channel', async () => {
    const thread = await call('POST', `/channels/${id('alerts')}/threads`, {
      name: 'side',
      type: 11,
    });
    expect(thread.status).toBe(201);
    expect(thread.json.type).toBe(ChannelType.PublicThread);
  });
});

describe('emulator forum channels', () => {
  const tagId = (name: string) =>
    emulator.world.findChannel(guild.id, 'incidents').available_tags?.find((t) => t.name === name)
      ?.id;

  it('makes a post whose starter message has the post id, with its tags', async () => {
    const created = await call('POST', `/channels/${id('incidents')}/threads`, {
      name: 'Ransomware at Example Corp',
      message: { embeds: [{ title: 'Ransomware at Example Corp' }] },
      applied_tags: [tagId('high'), tagId('ransomware')],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      parent_id: id('incidents'),
      applied_tags: [tagId('high'), tagId('ransomware')],
      message: { id: created.json.id, channel_id: created.json.id },
    });
    expect(emulator.world.messagesIn(created.json.id)).toHaveLength(1);
    // The web view reads the post, its tags and the forum's tag names from the state.
    const shown = viewState(emulator.world).guilds.find((g) => g.id === guild.id);
    expect(shown?.threads).toContainEqual({
      id: created.json.id,
      name: 'Ransomware at Example Corp',
      parent_id: id('incidents'),
      applied_tags: [tagId('high'), tagId('ransomware')],
    });
    expect(shown?.channels.find((c) => c.id === id('incidents'))?.available_tags).toHaveLength(2);
    expect((await post(created.json.id, 'update')).status).toBe(200);
    const direct = await post(id('incidents'), 'not a post');
    expect([direct.status, direct.json.code]).toEqual([400, 50008]);
  });

  it('refuses a post without a message, with more than 5 tags or a tag the forum lacks (50035)', async () => {
    const bare = await call('POST', `/channels/${id('incidents')}/threads`, { name: 'x' });
    expect(bare.json.code).toBe(50035);
    expect(bare.json.errors?.message?._errors?.[0]?.code).toBe('BASE_TYPE_REQUIRED');
    const many = await call('POST', `/channels/${id('incidents')}/threads`, {
      name: 'x',
      message: { content: 'x' },
      applied_tags: ['1', '2', '3', '4', '5', '6'],
    });
    expect(many.json.errors?.applied_tags?._errors?.[0]?.code).toBe('BASE_TYPE_MAX_LENGTH');
    const unknown = await call('POST', `/channels/${id('incidents')}/threads`, {
      name: 'x',
      message: { content: 'x' },
      applied_tags: ['123'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe(50035);
  });

  it('changes available_tags only with Manage Channels, at most 20, keeping existing ids', async () => {
    const tags = [{ id: tagId('high'), name: 'high' }, { name: 'phishing' }];
    const denied = await call('PATCH', `/channels/${id('incidents')}`, { available_tags: tags });
    expect([denied.status, denied.json.code]).toEqual([403, 50013]);
    guild.members
      .find((m) => m.user.bot)
      ?.roles.push(emulator.world.findRole(guild.id, 'forum-admin').id);
    const tooMany = await call('PATCH', `/channels/${id('incidents')}`, {
      available_tags: Array.from({ length: 21 }, (_, i) => ({ name: `t${i}` })),
    });
    expect(tooMany.json.code).toBe(50035);
    const ok = await call('PATCH', `/channels/${id('incidents')}`, { available_tags: tags });
    expect(ok.status).toBe(200);
    const stored = emulator.world.findChannel(guild.id, 'incidents').available_tags ?? [];
    expect(stored.map((t) => t.name)).toEqual(['high', 'phishing']);
    expect(stored[0]?.id).toBe(tags[0]?.id);
    expect(stored[1]?.id).toMatch(/^\d+$/);
  });
});
