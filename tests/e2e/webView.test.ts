/**
 * The web view on the real stack: the bot posts English and Japanese alerts to
 * the local Discord, Chromium opens /view, and the page shows them as Discord
 * would (colour bar, linked title, fields, footer, role pill), live.
 * Screenshots go to tests/artifacts/ (the reviewed ones are kept in docs/images/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  launchChromium,
  type StoredMessage,
  type ViewBrowser,
} from '@jikenbo/discord-emulator';
import { SEVERITY_COLOURS } from '../../src/alerts/renderAlert.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`web view e2e skipped: no Chromium at ${CHROMIUM_PATH}`);
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');

type Embed = { url?: string; color: number; fields: Array<{ name: string; value: string }> };
const rgb = (c: number) => `rgb(${(c >> 16) & 255}, ${(c >> 8) & 255}, ${c & 255})`;

describe.skipIf(!hasChromium)('the web view of the demo stack in Chromium', () => {
  let stack: Stack;
  let browser: ViewBrowser;
  let page: Page;
  const open = async (name: string) => {
    await page.goto(`${stack.emulator.viewUrl}?channel=${stack.demo.channel(name)}`);
    await page.waitForSelector('body[data-ready="true"]');
    // Screenshots wait for the served Japanese font, or Japanese shows as boxes.
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
          .fonts.ready,
    );
  };
  const lastIn = (name: string) => stack.emulator.messages(stack.demo.channel(name)).at(-1)!;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack({ entries: FIXTURE_ENTRIES.slice(40, 60) });
    await subscribeDemoChannels(stack);
    await stack.bot.pollOnce();
    stack.feed.publish(...FIXTURE_ENTRIES.slice(20, 40).reverse());
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    browser = (await launchChromium())!;
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows an English alert with its colour bar, linked title, fields and footer', async () => {
    await open('incident-alerts');
    const message = lastIn('incident-alerts');
    const embed = (message.embeds as Embed[])[0]!;
    const shown = page.locator(`[data-message-id="${message.id}"] .embed`);
    await shown.waitFor();
    const style = (e: unknown) =>
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { borderLeftColor: string } }
      ).getComputedStyle(e).borderLeftColor;
    expect(await shown.evaluate(style)).toBe(rgb(embed.color));
    expect(Object.values(SEVERITY_COLOURS)).toContain(embed.color);
    expect(await shown.locator('.embed-title a').getAttribute('href')).toBe(embed.url);
    expect((await stack.stores.posts.all()).map((r) => r.post.link)).toContain(embed.url);
    expect(await shown.locator('.embed-field-name').allTextContents()).toEqual(
      embed.fields.map((f) => f.name),
    );
    expect(await shown.locator('.embed-field.inline').count()).toBe(embed.fields.length);
    expect((await shown.locator('.embed-footer').textContent())?.length).toBeGreaterThan(0);
    await page.locator(`[data-message-id="${message.id}"]`).screenshot({
      path: join(ARTIFACTS, 'webview-en.png'),
    });
  });

  it('shows a Japanese alert with the role mention as a pill', async () => {
    await open('critical');
    const message = lastIn('critical');
    const shown = page.locator(`[data-message-id="${message.id}"]`);
    await expect(shown.locator('.content .mention').textContent()).resolves.toBe('@Security Team');
    expect(await shown.locator('.embed-field-name').allTextContents()).toContain('影響人数');
    await shown.screenshot({ path: join(ARTIFACTS, 'webview-ja.png') });
  });

  it('adds an alert the bot posts while the page is open, without a reload', async () => {
    await open('incident-alerts');
    const before = stack.emulator.messages(stack.demo.channel('incident-alerts')).length;
    await page.evaluate(
      () => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true),
    );
    stack.feed.publish(...FIXTURE_ENTRIES.slice(0, 20).reverse());
    await stack.bot.pollOnce();
    const after: StoredMessage[] = await stack.emulator.waitForMessages(
      stack.demo.channel('incident-alerts'),
      before + 1,
    );
    await page.waitForSelector(`[data-message-id="${after.at(-1)!.id}"] .embed`);
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
  });
});
