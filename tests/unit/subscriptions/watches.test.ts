import { describe, expect, it } from 'vitest';
import { fanOutWatches } from '../../../src/alerts/fanOutWatches.js';
import { withWatchHits } from '../../../src/alerts/watchAlert.js';
import { renderAlert } from '../../../src/alerts/renderAlert.js';
import { fanOut } from '../../../src/alerts/fanOut.js';
import type { GuildSettings } from '../../../src/store/guildSettings.js';
import { buildWatchAutomaton, wordsIn } from '../../../src/subscriptions/watchAutomaton.js';
import { buildWatchIndex, watchHits } from '../../../src/subscriptions/matchWatches.js';
import { addWatch, removeWatch, WATCH_LIMIT } from '../../../src/subscriptions/watchlist.js';
import { previewWatch } from '../../../src/subscriptions/watchPreview.js';
import { makeGuildSettings, makePost, makeClassification } from '../../helpers/builders.js';
import type { StoredPost } from '../../../src/store/postStore.js';

const AT = '2025-04-01T00:00:00.000Z';

function post(
  id: string,
  organization: string | null,
  title: string,
  text: string,
  kind = 'incident',
): StoredPost {
  return {
    post: makePost(id, { title, text }),
    classification: makeClassification({
      organization,
      kind: kind as 'incident',
      severity: 'low',
    }),
    storedAt: AT,
  };
}

function watching(guildId: string, channels: string[], ...names: string[]): GuildSettings {
  let settings: GuildSettings = makeGuildSettings(guildId, channels);
  for (const name of names)
    settings = addWatch(settings, guildId, name, { channelId: null, mentionRoleId: 'r1' }, AT);
  return settings;
}

describe('the watch automaton', () => {
  it('finds every word in one pass, overlapping and nested ones too', () => {
    const a = buildWatchAutomaton(['みなと', 'なとり', 'ミナトテック', 'テック', 'abcab', 'bca']);
    expect([...wordsIn(a, 'みなとりミナトテックabcabx')].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...wordsIn(a, 'みなミナトテ')]).toEqual([]);
  });
});

describe('watchlists', () => {
  it('keeps each name once, by its normalised key, up to the limit', () => {
    let s = watching('g1', ['c1'], '株式会社ミナトテック');
    s = addWatch(s, 'g1', 'ミナトテック（株）', { channelId: 'c9', mentionRoleId: null }, AT);
    expect(s.watches?.map((w) => [w.name, w.key, w.channelId])).toEqual([
      ['ミナトテック（株）', 'ミナトテック', 'c9'],
    ]);
    expect(() =>
      addWatch(s, 'g1', '株式会社', { channelId: null, mentionRoleId: null }, AT),
    ).toThrow('error.watch-name');
    for (let i = s.watches!.length; i < WATCH_LIMIT; i++)
      s = addWatch(s, 'g1', `取引先${i}`, { channelId: null, mentionRoleId: null }, AT);
    expect(() =>
      addWatch(s, 'g1', '取引先の新顔', { channelId: null, mentionRoleId: null }, AT),
    ).toThrow('error.watch-limit');
    expect(removeWatch(s, '㈱ミナトテック', AT).watches).toHaveLength(WATCH_LIMIT - 1);
    expect(() => removeWatch(s, '知らない会社', AT)).toThrow('error.watch-unknown');
  });

  it('catches a supplier named only in the body, at any severity, but not in off-topic posts', () => {
    const settings = watching('g1', ['c1'], 'ｻｸﾗ物流 株式会社');
    const index = buildWatchIndex([settings]);
    const inBody = post(
      'p1',
      '株式会社ミナトテック',
      '不正アクセスについて',
      '委託先のさくら物流ではなくサクラ物流株式会社のサーバーが侵害されました。',
    );
    expect(watchHits(inBody, index)).toMatchObject([{ guildId: 'g1', fields: ['text'] }]);
    const offTopic = post(
      'p2',
      'サクラ物流',
      'サクラ物流 新倉庫',
      'サクラ物流の新倉庫',
      'off_topic',
    );
    expect(watchHits(offTopic, index)).toEqual([]);
  });

  it('sends a caught post to the watch channel once, even when a subscription passes it too', () => {
    const settings = watching('g1', ['c1', 'c2'], 'サクラ物流');
    settings.subscriptions[0]!.minSeverity = 'critical';
    settings.subscriptions[1]!.minSeverity = 'low';
    const caught = post('p1', 'サクラ物流株式会社', 'お知らせ', '本文');
    const watch = fanOutWatches([caught], [settings], new Date(AT));
    expect(watch.map((d) => d.id)).toEqual(['p1 c1']);
    // c1's filter blocks a low post; c2's passes it: both reach the outbox, c1 only by the watch.
    expect(fanOut([caught], [settings], new Date(AT)).map((d) => d.id)).toEqual(['p1 c2']);
    const twice = watching('g1', ['c2'], 'サクラ物流');
    twice.subscriptions[0]!.minSeverity = 'low';
    const both = [
      ...fanOut([caught], [twice], new Date(AT)),
      ...fanOutWatches([caught], [twice], new Date(AT)),
    ];
    expect(new Set(both.map((d) => d.id))).toEqual(new Set(['p1 c2']));
  });

  it('pings only the watch’s role and says what matched, where', () => {
    const settings = watching('g1', ['c1'], 'サクラ物流');
    const caught = post('p1', '株式会社ミナトテック', 'サクラ物流で障害', '本文');
    const sub = { ...settings.subscriptions[0]!, locale: 'en-US' };
    const message = withWatchHits(
      renderAlert(caught, sub),
      watchHits(caught, buildWatchIndex([settings])),
      sub,
    );
    expect(message.content).toBe('<@&r1>');
    expect(message.allowed_mentions).toEqual({ parse: [], roles: ['r1'] });
    expect(message.embeds[0]?.description).toContain('Watched: サクラ物流 (title)');
  });

  it('previews which recent posts a name would have caught', () => {
    const recent = [
      post('p1', 'サクラ物流', 'a', 'b'),
      post('p2', 'ミナトテック', 'a', 'サクラ物流経由'),
      post('p3', 'ミナトテック', 'a', 'b'),
    ];
    const preview = previewWatch('サクラ物流株式会社', recent, AT);
    expect(preview.scanned).toBe(3);
    expect(preview.caught.map((c) => [c.record.post.id, c.fields])).toEqual([
      ['p1', ['organization']],
      ['p2', ['text']],
    ]);
  });
});
