import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDemoGuild, type DemoGuild } from '../src/demoWorld.js';
import { DiscordEmulator } from '../src/emulator.js';

let emulator: DiscordEmulator;
let demo: DemoGuild;

beforeEach(async () => {
  emulator = await new DiscordEmulator({
    rateLimits: {
      enabled: true,
      globalPerSecond: 50,
      messagesPerChannel: { limit: 5, windowMs: 5000 },
    },
  }).start();
  demo = addDemoGuild(emulator.world);
});
afterEach(() => emulator.stop());

function api(method: string, path: string, body?: unknown, auth = true): Promise<Response> {
  return fetch(`${emulator.apiUrl}/v10${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bot ${emulator.token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const post = (channel: string, body: unknown) =>
  api('POST', `/channels/${demo.channel(channel)}/messages`, body);

describe('emulator REST', () => {
  it('answers unknown routes with 404 in Discord\u2019s shape and records them', async () => {
    const res = await api('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/no/such/route',
      known: false,
    });
  });

  it('refuses a bad token with 401', async () => {
    expect((await api('GET', '/users/@me', undefined, false)).status).toBe(401);
  });

  it('gives the gateway URL in GET /gateway/bot', async () => {
    const body = (await (await api('GET', '/gateway/bot')).json()) as {
      url: string;
      shards: number;
    };
    expect(body).toMatchObject({ url: emulator.gatewayUrl, shards: 1 });
  });

  it('stores a posted message with its embeds and allowed mentions', async () => {
    const res = await post('incident-alerts', {
      embeds: [{ title: 'x' }],
      allowed_mentions: { parse: [] },
    });
    expect(res.status).toBe(200);
    expect(emulator.messages(demo.channel('incident-alerts'))).toMatchObject([
      { embeds: [{ title: 'x' }], allowed_mentions: { parse: [] } },
    ]);
  });

  it('accepts multipart messages with payload_json', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'with a file' }));
    form.append('files[0]', new Blob(['hello']), 'a.txt');
    const res = await fetch(`${emulator.apiUrl}/v10/channels/${demo.channel('general')}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${emulator.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(emulator.messages(demo.channel('general'))[0]?.content).toBe('with a file');
    expect(emulator.requests.at(-1)?.multipart).toBe(true);
  });

  it.each([
    ['a title over 256', { embeds: [{ title: 'x'.repeat(257) }] }, ['embeds', '0', 'title']],
    [
      'a description over 4096',
      { embeds: [{ description: 'x'.repeat(4097) }] },
      ['embeds', '0', 'description'],
    ],
    [
      'more than 25 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      ['embeds', '0', 'fields'],
    ],
    [
      'a field value over 1024',
      { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] },
      ['embeds', '0', 'fields', '0', 'value'],
    ],
    [
      'a footer over 2048',
      { embeds: [{ footer: { text: 'x'.repeat(2049) } }] },
      ['embeds', '0', 'footer', 'text'],
    ],
    [
      'more than 6000 characters in embeds',
      { embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2500) }] },
      ['embeds'],
    ],
    [
      'more than 10 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      ['embeds'],
    ],
    ['content over 2000', { content: 'x'.repeat(2001) }, ['content']],
    [
      'a custom_id over 100',
      {
        content: 'c',
        components: [
          { type: 1, components: [{ type: 2, custom_id: 'x'.repeat(101), label: 'b', style: 1 }] },
        ],
      },
      ['components', '0', 'components', '0', 'custom_id'],
    ],
  ])('rejects %s with 400 Invalid Form Body', async (_what, body, path) => {
    const res = await post('incident-alerts', body);
    expect(res.status).toBe(400);
    const error = (await res.json()) as { code: number; errors: Record<string, unknown> };
    expect(error.code).toBe(50035);
    let node: unknown = error.errors;
    for (const key of path) node = (node as Record<string, unknown>)[key];
    expect((node as { _errors: unknown[] })._errors.length).toBeGreaterThan(0);
    expect(emulator.messages(demo.channel('incident-alerts'))).toEqual([]);
  });

  it('checks channel permissions: Missing Access where the bot cannot view, Missing Permissions without Embed Links', async () => {
    const locked = await post('locked', { content: 'x' });
    expect(locked.status).toBe(403);
    expect(await locked.json()).toEqual({ message: 'Missing Access', code: 50001 });
    const noEmbeds = await post('no-embeds', { embeds: [{ title: 't' }] });
    expect(await noEmbeds.json()).toEqual({ message: 'Missing Permissions', code: 50013 });
  });

  it('limits messages per channel with real headers and answers 429 with retry-after', async () => {
    const first = await post('general', { content: '1' });
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(Number(first.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(first.headers.get('x-ratelimit-bucket')).toBeTruthy();
    for (let i = 2; i <= 5; i++)
      expect((await post('general', { content: String(i) })).status).toBe(200);
    const limited = await post('general', { content: '6' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({
      message: 'You are being rate limited.',
      global: false,
    });
    expect((await post('soc', { content: 'other channel' })).status).toBe(200);
  });

  it('applies the global limit per bot, but not to interaction endpoints', async () => {
    emulator.configureRateLimits({
      enabled: true,
      globalPerSecond: 3,
      messagesPerChannel: { limit: 50, windowMs: 1000 },
    });
    for (let i = 0; i < 3; i++) expect((await api('GET', '/users/@me')).status).toBe(200);
    const limited = await api('GET', '/users/@me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
    expect(await limited.json()).toMatchObject({ global: true });
    expect((await api('POST', '/interactions/1/token/callback', { type: 4 })).status).toBe(404);
  });

  it.each([
    [{ status: 500 } as const, 500, { message: '500: Internal Server Error', code: 0 }],
    [{ status: 502 } as const, 502, { message: '502: Internal Server Error', code: 0 }],
    [{ status: 403, code: 50001 } as const, 403, { message: 'Missing Access', code: 50001 }],
    [{ status: 403, code: 50013 } as const, 403, { message: 'Missing Permissions', code: 50013 }],
    [{ status: 404, code: 10003 } as const, 404, { message: 'Unknown Channel', code: 10003 }],
  ])('injects %j on the next matching request only', async (fault, status, body) => {
    emulator.injectFault({ method: 'POST', path: '/messages', times: 1, fault });
    const res = await post('general', { content: 'x' });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect((await post('general', { content: 'y' })).status).toBe(200);
  });

  it('injects a 429 with retry-after and a delay', async () => {
    emulator.injectFault({
      path: '/users/@me',
      times: 1,
      fault: { status: 429, retryAfterSeconds: 2 },
    });
    const res = await api('GET', '/users/@me');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    emulator.injectFault({ path: '/users/@me', times: 1, fault: { delayMs: 150 } });
    const started = Date.now();
    expect((await api('GET', '/users/@me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops a repeated message nonce when enforce_nonce is set', async () => {
    const a = (await (
      await post('general', { content: 'x', nonce: 'n1', enforce_nonce: true })
    ).json()) as { id: string };
    const b = (await (
      await post('general', { content: 'x', nonce: 'n1', enforce_nonce: true })
    ).json()) as { id: string };
    expect(b.id).toBe(a.id);
    expect(emulator.messages(demo.channel('general'))).toHaveLength(1);
  });

  it('registers commands by bulk overwrite, globally and per guild', async () => {
    const app = emulator.world.applicationId;
    await api('PUT', `/applications/${app}/commands`, [
      { name: 'a', description: 'a' },
      { name: 'b', description: 'b' },
    ]);
    await api('PUT', `/applications/${app}/commands`, [{ name: 'c', description: 'c' }]);
    const global = (await (await api('GET', `/applications/${app}/commands`)).json()) as Array<{
      name: string;
    }>;
    expect(global.map((c) => c.name)).toEqual(['c']);
    const guildRes = await api('PUT', `/applications/${app}/guilds/${demo.guild.id}/commands`, [
      { name: 'd', description: 'd' },
    ]);
    expect(((await guildRes.json()) as Array<{ guild_id: string }>)[0]?.guild_id).toBe(
      demo.guild.id,
    );
  });
});
