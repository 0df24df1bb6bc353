/**
 * An update in the web view: the bot's update alert shows in Chromium as a reply to the first
 * report's alert (the quoted original above it) with what changed. Screenshot: tests/artifacts/
 * webview-update.png (the reviewed one is kept in docs/images/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium, type ViewBrowser } from '@jikenbo/discord-emulator';
import { STORY_FIRST, STORY_OTHER, STORY_UPDATE } from '../fixtures/storyPosts.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`web view update e2e skipped: no Chromium at ${CHROMIUM_PATH}`);
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');

describe.skipIf(!hasChromium)('an update reply in the web view', () => {
  let stack: Stack;
  let browser: ViewBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack({ entries: [STORY_OTHER] });
    await subscribeDemoChannels(stack);
    await stack.bot.pollOnce();
    stack.feed.publish(STORY_FIRST);
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    stack.feed.publish(STORY_UPDATE);
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('draws the update under the quoted original alert, with the changed facts', async () => {
    const channelId = stack.demo.channel('incident-alerts');
    const [original, update] = stack.emulator.messages(channelId);
    const reference = update?.message_reference as { message_id?: string } | undefined;
    expect(reference?.message_id).toBe(original?.id);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 1600 });
    await page.goto(`${stack.emulator.viewUrl}?channel=${channelId}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
          .fonts.ready,
    );
    const shown = page.locator(`[data-message-id="${update!.id}"]`);
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain('Update to 株式会社ミナトテック');
    expect(text).toContain('2,850 → 35,650');
    await page.locator('body').screenshot({ path: join(ARTIFACTS, 'webview-update.png') });
  });
});
