/** Small, valid domain objects for tests. */
import type { Classification } from '../../src/classify/classification.js';
import type { Post } from '../../src/feed/post.js';
import type { GuildSettings } from '../../src/store/guildSettings.js';
import type { Delivery } from '../../src/store/outboxStore.js';
import { deliveryId } from '../../src/store/outboxStore.js';
import type { StoredPost } from '../../src/store/postStore.js';

export function makePost(id: string, overrides: Partial<Post> = {}): Post {
  return {
    id,
    feedUrl: 'http://127.0.0.1/feed',
    link: `https://example.test/${id}`,
    title: `title ${id}`,
    publishedAt: '2024-02-01T00:00:00.000Z',
    updatedAt: null,
    categories: [],
    html: '<p>text</p>',
    text: 'text',
    ...overrides,
  };
}

export function makeClassification(overrides: Partial<Classification> = {}): Classification {
  return {
    kind: 'incident',
    cause: 'unauthorized_access',
    secondaryCauses: [],
    severity: 'medium',
    incidentId: '2024-001',
    organization: '株式会社テスト',
    affected: 1200,
    dataTypes: ['name', 'email'],
    disclosedOn: '2024-02-01',
    disruption: false,
    reasons: [{ label: 'kind', value: 'incident', rule: 'test', evidence: ['事件簿'] }],
    ...overrides,
  };
}

export function makeStoredPost(
  id: string,
  publishedAt: string,
  overrides: Partial<Classification> = {},
): StoredPost {
  return {
    post: makePost(id, { publishedAt }),
    classification: makeClassification(overrides),
    storedAt: '2024-03-01T00:00:00.000Z',
  };
}

export function makeDelivery(
  postId: string,
  channelId: string,
  overrides: Partial<Delivery> = {},
): Delivery {
  return {
    id: deliveryId(postId, channelId),
    postId,
    guildId: 'g1',
    channelId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    messageId: null,
    createdAt: '2024-03-01T00:00:00.000Z',
    updatedAt: '2024-03-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeGuildSettings(guildId: string, channelIds: string[]): GuildSettings {
  return {
    guildId,
    updatedAt: '2024-03-01T00:00:00.000Z',
    subscriptions: channelIds.map((channelId) => ({
      guildId,
      channelId,
      delivery: 'instant',
      digestTime: '09:00',
      timeZone: null,
      quietHours: null,
      quietMinSeverity: 'critical',
      minSeverity: 'medium',
      causes: [],
      kinds: ['incident', 'incident_update'],
      keywords: [],
      exclude: [],
      mentionRoleId: null,
      mentionMinSeverity: 'high',
      locale: 'ja',
      createdAt: '2024-03-01T00:00:00.000Z',
      updatedAt: '2024-03-01T00:00:00.000Z',
      health: { status: 'ok', reason: null, since: null },
    })),
  };
}
