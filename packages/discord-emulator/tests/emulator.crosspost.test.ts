/**
 * Crosspost (publish) in the emulator, as Discord does it: only in announcement channels, once per
 * message, own messages with Send Messages and others' with Manage Messages, and the per-channel
 * publish limit answered with a long 429 and a bucket header.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDemoGuild, type DemoGuild } from '../src/demoWorld.js';
import { DiscordEmulator } from '../src/emulator.js';
import { injectMessage } from '../src/view/index.js';
import { Permission } from '../src/permissions.js';

let emulator: DiscordEmulator;
let demo: DemoGuild;

beforeEach(async () => {
  emulator = await new DiscordEmulator({
    rateLimits: {
      enabled: true,
      globalPerSecond: 50,
      messagesPerChannel: { limit: 50, windowMs: 5000 },
      crosspostsPerChannel: { limit: 2, windowMs: 3_600_000 },
    },
  }).start();
  demo = addDemoGuild(emulator.world);
});
afterEach(() => emulator.stop());

function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.apiUrl}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bot ${emulator.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function send(channel: string): Promise<string> {
  const res = await api('POST', `/channels/${demo.channel(channel)}/messages`, { content: 'hi' });
  return ((await res.json()) as { id: string }).id;
}

const crosspost = (channel: string, messageId: string) =>
  api('POST', `/channels/${demo.channel(channel)}/messages/${messageId}/crosspost`);

describe('emulator crosspost', () => {
  it('publishes an own message in an announcement channel once and sets CROSSPOSTED', async () => {
    const id = await send('announcements');
    const res = await crosspost('announcements', id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { flags: number }).flags & 1).toBe(1);
    expect(emulator.messages(demo.channel('announcements'))[0]?.flags).toBe(1);
    const again = await crosspost('announcements', id);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      message: 'This message has already been crossposted',
      code: 40033,
    });
  });

  it('refuses a text channel, an unknown message and another author without Manage Messages', async () => {
    const inText = await crosspost('general', await send('general'));
    expect(inText.status).toBe(400);
    expect(((await inText.json()) as { code: number }).code).toBe(50024);
    const unknown = await crosspost('announcements', '123456789012345678');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: number }).code).toBe(10008);
    const theirs = injectMessage(emulator, {
      channel_id: demo.channel('announcements'),
      id: '223456789012345678',
      author: { id: demo.user('admin'), username: 'admin' },
      content: 'not the bot',
    });
    const refused = await crosspost('announcements', theirs.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: 'Missing Permissions', code: 50013 });
  });

  it('refuses an own message when the bot lost Send Messages (50013)', async () => {
    const id = await send('announcements');
    const channel = emulator.world.channel(demo.channel('announcements'))!.channel;
    channel.permission_overwrites.push({
      id: emulator.world.botUser.id,
      type: 1,
      allow: '0',
      deny: String(Permission.SendMessages),
    });
    const res = await crosspost('announcements', id);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: number }).code).toBe(50013);
  });

  it('answers the publish beyond the channel limit with a long 429 and a bucket', async () => {
    const ids = [
      await send('announcements'),
      await send('announcements'),
      await send('announcements'),
    ];
    expect((await crosspost('announcements', ids[0]!)).status).toBe(200);
    expect((await crosspost('announcements', ids[1]!)).status).toBe(200);
    const limited = await crosspost('announcements', ids[2]!);
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as { retry_after: number; global: boolean };
    expect(body.global).toBe(false);
    expect(body.retry_after).toBeGreaterThan(3000);
    const bucket = limited.headers.get('x-ratelimit-bucket');
    expect(bucket).toBeTruthy();
    // Its own bucket: a client that tracks buckets must not hold messages for the publish limit.
    const message = await api('POST', `/channels/${demo.channel('announcements')}/messages`, {
      content: 'still allowed',
    });
    expect(message.status).toBe(200);
    expect(message.headers.get('x-ratelimit-bucket')).not.toBe(bucket);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(emulator.messages(demo.channel('announcements'))[2]?.flags).toBe(0);
  });
});
