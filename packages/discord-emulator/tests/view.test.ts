/** The web view in a real browser: Discord-like rendering of injected messages, escaping, replies, threads, live updates. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDemoGuild,
  CHROMIUM_PATH,
  DiscordEmulator,
  injectMessage,
  launchChromium,
  type DemoGuild,
  type ViewBrowser,
} from '../src/index.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const ARTIFACTS = fileURLToPath(new URL('../../../tests/artifacts', import.meta.url));
if (!hasChromium) console.warn(`view browser tests skipped: no Chromium at ${CHROMIUM_PATH}`);

describe('the emulator web view over HTTP', () => {
  let emulator: DiscordEmulator;
  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    addDemoGuild(emulator.world);
  });
  afterAll(() => emulator.stop());

  it('serves one self-contained page that may load nothing from elsewhere', async () => {
    const res = await fetch(emulator.viewUrl);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('streams each new message as a server-sent event', async () => {
    const res = await fetch(`${emulator.origin}/view/events`);
    const reader = res.body!.getReader();
    const channelId = emulator.world.findChannel(
      [...emulator.world.guilds.keys()][0]!,
      'general',
    ).id;
    injectMessage(emulator, { id: '42', channel_id: channelId, content: 'hello' });
    let text = '';
    while (!text.includes('"hello"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: message\ndata: \{.*"id":"42"/);
    await reader.cancel();
  });
});

describe.skipIf(!hasChromium)('the emulator web view in Chromium', () => {
  let emulator: DiscordEmulator;
  let demo: DemoGuild;
  let browser: ViewBrowser;
  let page: Page;
  const open = async (channel: string) => {
    await page.goto(`${emulator.viewUrl}?channel=${demo.channel(channel)}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
          .fonts.ready,
    );
  };

  beforeAll(async () => {
    emulator = await new DiscordEmulator().start();
    demo = addDemoGuild(emulator.world);
    browser = (await launchChromium())!;
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await emulator.stop();
  });

  it('shows a feed title with <script> as text, running nothing', async () => {
    const channelId = demo.channel('soc');
    injectMessage(emulator, {
      id: '100',
      channel_id: channelId,
      embeds: [
        {
          title: '<script>window.injected = 1</script><img src=x onerror="window.injected=2">',
          url: 'javascript:alert(1)',
          color: 0xb71c1c,
          fields: [{ name: '<b>cause</b>', value: '<i>x</i>', inline: true }],
        },
      ],
    });
    await open('soc');
    const title = page.locator('[data-message-id="100"] .embed-title');
    await expect(title.textContent()).resolves.toBe(
      '<script>window.injected = 1</script><img src=x onerror="window.injected=2">',
    );
    expect(await page.locator('[data-message-id="100"] .embed-title a').count()).toBe(0);
    expect(await page.locator('#messages script, #messages img, #messages b').count()).toBe(0);
    expect(
      await page.evaluate(() => (globalThis as unknown as { injected?: number }).injected),
    ).toBe(undefined);
  });

  it('renders a reply with a quoted line of the original, and a thread under its header', async () => {
    const channelId = demo.channel('general');
    const analyst = emulator.world.findMember(demo.guild.id, 'analyst').user;
    injectMessage(emulator, {
      id: '200',
      channel_id: channelId,
      content: 'Original alert for <@&' + demo.role('Security Team') + '>',
      thread: { id: '900', name: 'Triage 2024-067' },
    });
    injectMessage(emulator, {
      id: '201',
      channel_id: channelId,
      author: analyst,
      content: 'Looking at it in <#' + demo.channel('soc') + '>',
      message_reference: { message_id: '200', channel_id: channelId },
    });
    injectMessage(emulator, {
      id: '901',
      channel_id: '900',
      author: analyst,
      content: '調査中です',
    });
    await open('general');
    const reply = page.locator('[data-message-id="201"]');
    await expect(reply.locator('.reply').textContent()).resolves.toBe(
      '@jikenboOriginal alert for @Security Team',
    );
    await expect(reply.locator('.content .mention').textContent()).resolves.toBe('#soc');
    await expect(
      page.locator('[data-message-id="200"] .content .mention').textContent(),
    ).resolves.toBe('@Security Team');
    const thread = page.locator('[data-message-id="200"] .thread[data-thread-id="900"]');
    await expect(thread.locator('.thread-header').textContent()).resolves.toContain(
      'Triage 2024-067',
    );
    await expect(thread.locator('[data-message-id="901"] .content').textContent()).resolves.toBe(
      '調査中です',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#messages').screenshot({ path: join(ARTIFACTS, 'webview-reply.png') });
  });

  it('adds a message that arrives while the page is open, without a reload', async () => {
    await open('general');
    const marker = await page.evaluate(
      () => ((globalThis as unknown as { marker: number }).marker = 7),
    );
    injectMessage(emulator, { id: '300', channel_id: demo.channel('general'), content: 'live' });
    await page.waitForSelector('[data-message-id="300"]');
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(
      marker,
    );
  });
});
