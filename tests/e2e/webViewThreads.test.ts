/**
 * Threads and forum posts in the web view: the updates of an incident show in a thread under the
 * original alert, and a forum channel shows each incident as a post with its tags and its updates.
 * Screenshots: tests/artifacts/webview-thread.png and webview-forum.png (the reviewed ones are kept
 * in docs/images/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  launchChromium,
  type DemoGuild,
  type ViewBrowser,
} from '@jikenbo/discord-emulator';
import { STORY_FIRST, STORY_UPDATE } from '../fixtures/storyPosts.js';
import { STORY_THIRD } from '../fixtures/threadPosts.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import type { Stack } from './stack.js';
import { deliverStory, startThreadStack } from './threadServer.js';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`web view threads e2e skipped: no Chromium at ${CHROMIUM_PATH}`);
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');

describe.skipIf(!hasChromium)('threads and forum posts in the web view', () => {
  let stack: Stack;
  let server: DemoGuild;
  let browser: ViewBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ stack, server } = await startThreadStack());
    for (const entry of [STORY_FIRST, STORY_UPDATE, STORY_THIRD]) await deliverStory(stack, entry);
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(channelName: string) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 1800 });
    await page.goto(`${stack.emulator.viewUrl}?channel=${server.channel(channelName)}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
          .fonts.ready,
    );
    return page;
  }

  it('draws the updates in a thread under the original alert', async () => {
    const [original] = stack.emulator.world.messagesIn(server.channel('threads-on'));
    const page = await open('threads-on');
    const thread = page.locator(`[data-thread-id="${original!.id}"]`);
    await thread.waitFor();
    const text = (await thread.textContent()) ?? '';
    expect(text).toContain('2 message(s)');
    expect(text).toContain('35,650');
    expect(text).toContain('36,100');
    await page.locator('body').screenshot({ path: join(ARTIFACTS, 'webview-thread.png') });
  });

  it('draws a forum post with its tags and its updates', async () => {
    const post = server.guild.threads.find((t) => t.parent_id === server.channel('forum-managed'));
    const page = await open('forum-managed');
    const card = page.locator(`[data-post-id="${post!.id}"]`);
    await card.waitFor();
    expect(await card.locator('.forum-tag').count()).toBe(2);
    expect(await card.locator('.message').count()).toBe(3);
    await page.locator('body').screenshot({ path: join(ARTIFACTS, 'webview-forum.png') });
  });
});
