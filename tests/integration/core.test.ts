/**
 * The application core runs the whole tick without Discord: poll → classify →
 * store → match subscriptions → enqueue → deliver, through its ports only
 * (a recording Publisher, memory Stores, an injected Clock).
 */
import { FeedServer, makeAtomEntry, type FixtureEntry } from '@jikenbo/feed-server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClassifier } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { silentLogger } from '../../src/log.js';
import { createCore, type Publisher } from '../../src/pipeline/index.js';
import { memoryStores } from '../../src/store/openStores.js';
import { makeGuildSettings } from '../helpers/builders.js';
import { CONFIG_DIR } from '../helpers/paths.js';

function entry(id: string, title: string, published: string): FixtureEntry {
  const html =
    '<p>当社サーバーが第三者による不正アクセスを受け、顧客の個人情報12,000件が漏えいした可能性があることが判明しました。</p>';
  return { id, published, xml: makeAtomEntry({ id, title, html, published }) };
}

class RecordingPublisher implements Publisher {
  readonly sent: Array<{ channelId: string; message: string }> = [];
  async publish(channelId: string, message: object) {
    this.sent.push({ channelId, message: JSON.stringify(message) });
    return { messageId: String(this.sent.length) };
  }
}

describe('the application core', () => {
  let server: FeedServer | null = null;
  afterEach(async () => server?.stop());

  async function coreWith(publisher?: Publisher) {
    server = await new FeedServer([
      entry(
        'tag:old',
        '株式会社オールド　不正アクセスによる個人情報漏えい',
        '2024-02-01T00:00:00Z',
      ),
    ]).start();
    const config = loadConfig({ FEED_URLS: server.feedUrl, LOG_LEVEL: 'silent' }, CONFIG_DIR);
    const stores = memoryStores();
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    const core = createCore({
      config,
      stores,
      classify: buildClassifier(config),
      log: silentLogger(),
      clock: () => new Date('2024-03-01T00:00:00Z'),
      ...(publisher && { publisher }),
    });
    return { core, stores, server };
  }

  it('alerts a post that is new after the first (history) poll, and only that post', async () => {
    const publisher = new RecordingPublisher();
    const { core, server } = await coreWith(publisher);
    await core.pollOnce();
    server.publish(
      entry('tag:new', '株式会社ニュー　不正アクセスによる個人情報漏えい', '2024-02-20T00:00:00Z'),
    );
    await core.pollOnce();
    await core.deliverer!.idle();
    await core.stop();
    expect(publisher.sent.map((m) => m.channelId)).toEqual(['c1']);
    expect(publisher.sent[0]!.message).toContain('株式会社ニュー');
  });

  it('without a publisher stores new posts and queues no alert', async () => {
    const { core, stores, server } = await coreWith();
    await core.pollOnce();
    server.publish(
      entry('tag:new', '株式会社ニュー　不正アクセスによる個人情報漏えい', '2024-02-20T00:00:00Z'),
    );
    await core.pollOnce();
    await core.stop();
    expect(core.deliverer).toBeNull();
    expect(await stores.posts.count()).toBe(2);
    expect(await stores.outbox.pending()).toEqual([]);
  });
});
