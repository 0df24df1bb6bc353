import { describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../../src/alerts/deliverAlerts.js';
import type { Publisher } from '../../../src/alerts/publisher.js';
import type { ReplyMessage } from '../../../src/alerts/renderUpdate.js';
import { withLink } from '../../../src/incidents/linkIncident.js';
import { silentLogger } from '../../../src/log.js';
import { memoryStores } from '../../../src/store/openStores.js';
import { makeGuildSettings, makeStoredPost } from '../../helpers/builders.js';
import { testLimits } from '../../helpers/limits.js';

function setup() {
  const stores = memoryStores();
  const sent: Array<{ channelId: string; message: ReplyMessage; messageId: string }> = [];
  const publisher: Publisher = {
    async publish(channelId, message) {
      const messageId = `m${sent.length + 1}`;
      sent.push({ channelId, message: message as ReplyMessage, messageId });
      return { messageId };
    },
  };
  const deliverer = new AlertDeliverer({
    stores,
    publisher,
    now: () => new Date('2025-04-21T00:00:00Z'),
    log: silentLogger(),
    options: testLimits().delivery,
  });
  return { stores, sent, deliverer };
}

const first = makeStoredPost('p1', '2025-03-04T00:00:00Z', {
  organization: '株式会社ミナトテック',
  affected: 2850,
  severity: 'medium',
});
first.post.title = '【セキュリティ事件簿#2025-101】不正アクセスのお知らせ';
const update = withLink(
  makeStoredPost('p2', '2025-04-20T00:00:00Z', {
    kind: 'incident_update',
    organization: 'ミナトテック（株）',
    affected: 35650,
    severity: 'high',
  }),
  { rootId: 'p1', citedId: 'p1', rule: 'link.cited-date', evidence: ['3月4日に公表'] },
);

async function deliver(
  deliverer: AlertDeliverer,
  stores: ReturnType<typeof setup>['stores'],
  ...records: (typeof first)[]
) {
  await stores.posts.put(records);
  await deliverer.enqueue(records);
  await deliverer.idle();
}

describe('update alerts', () => {
  it('replies to the channel’s alert of the first report, with what changed', async () => {
    const { stores, sent, deliverer } = setup();
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await deliver(deliverer, stores, first);
    await deliver(deliverer, stores, update);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.message.message_reference).toBeUndefined();
    const reply = sent[1]?.message;
    expect(reply?.message_reference).toEqual({ message_id: 'm1', fail_if_not_exists: false });
    const description = reply?.embeds[0]?.description ?? '';
    expect(description.split('\n')[0]).toBe('**続報: 不正アクセスのお知らせ**');
    expect(description).toContain('影響人数 2,850 → 35,650名');
    expect(description).toContain('重大度 中 → 高');
  });

  it('alerts an escalated update where the first report was filtered out, saying what it updates', async () => {
    const { stores, sent, deliverer } = setup();
    const settings = makeGuildSettings('g1', ['c1', 'c2']);
    settings.subscriptions[1]!.minSeverity = 'high';
    settings.subscriptions[1]!.locale = 'en';
    await stores.guilds.set(settings);
    await deliver(deliverer, stores, first);
    expect(sent.map((s) => s.channelId)).toEqual(['c1']);
    await deliver(deliverer, stores, update);
    const inC2 = sent.filter((s) => s.channelId === 'c2');
    expect(inC2).toHaveLength(1);
    expect(inC2[0]?.message.message_reference).toBeUndefined();
    expect(inC2[0]?.message.embeds[0]?.description).toContain(
      'Update to 不正アクセスのお知らせ (first reported 2024-02-01; that report was not alerted here)',
    );
    expect(
      sent.find((s) => s.channelId === 'c1' && s.messageId !== 'm1')?.message.message_reference,
    ).toEqual({ message_id: 'm1', fail_if_not_exists: false });
  });

  it('sends a post that continues nothing as before', async () => {
    const { stores, sent, deliverer } = setup();
    await stores.guilds.set(makeGuildSettings('g1', ['c1']));
    await deliver(deliverer, stores, first);
    expect(sent[0]?.message.embeds[0]?.description).toBeUndefined();
  });
});
