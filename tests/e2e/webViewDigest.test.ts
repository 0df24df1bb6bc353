/**
 * A digest in the web view: held alerts released at the digest time show in Chromium as one
 * message with its heading and the alerts grouped by severity. Screenshot: tests/artifacts/
 * webview-digest.png (the reviewed one is kept in docs/images/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channel, str, subcommand } from '@jikenbo/discord-emulator';
import { CHROMIUM_PATH, launchChromium, type ViewBrowser } from '@jikenbo/discord-emulator';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { startStack, type Stack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`web view digest e2e skipped: no Chromium at ${CHROMIUM_PATH}`);
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');

describe.skipIf(!hasChromium)('a digest in the web view', () => {
  const clock = { now: new Date('2026-12-01T10:00:00Z') };
  let stack: Stack;
  let browser: ViewBrowser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack({ entries: FIXTURE_ENTRIES.slice(40, 60), now: () => clock.now });
    await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', stack.demo.channel('critical')),
        str('min_severity', 'medium'),
        str('delivery', 'digest'),
        str('digest_time', '08:00'),
      ]),
      'ja',
    );
    await stack.bot.pollOnce();
    stack.feed.publish(...FIXTURE_ENTRIES.slice(30, 40).reverse());
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    clock.now = new Date('2026-12-01T23:00:00Z'); // 08:00 the next day in Tokyo
    stack.bot.deliverer.kick();
    await stack.emulator.waitForMessages(stack.demo.channel('critical'), 1);
    await stack.bot.deliverer.idle();
    browser = (await launchChromium())!;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the digest heading in Japanese and one embed per held alert', async () => {
    const [digest] = stack.emulator.messages(stack.demo.channel('critical'));
    const embeds = digest!.embeds as unknown[];
    expect(embeds.length).toBeGreaterThan(1);
    const page = await browser.context.newPage();
    // The whole digest in one screen: an element taller than the viewport shoots scrolled.
    await page.setViewportSize({ width: 900, height: 4000 });
    await page.goto(`${stack.emulator.viewUrl}?channel=${stack.demo.channel('critical')}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document
          .fonts.ready,
    );
    const shown = page.locator(`[data-message-id="${digest!.id}"]`);
    await shown.waitFor();
    expect(await shown.locator('.content').textContent()).toMatch(
      /^ダイジェスト: 保留中の通知\d+件/,
    );
    expect(await shown.locator('.embed').count()).toBe(embeds.length);
    await shown.screenshot({ path: join(ARTIFACTS, 'webview-digest.png') });
  });
});
