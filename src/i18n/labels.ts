/**
 * The names people read for the spec's ids: one name per label, in the reader's
 * language (spec section 5 for kinds and severities, section 2 for causes; data
 * types and feed results are named here). No id ever reaches a reader through these.
 */
import {
  CAUSE_NAMES,
  KIND_NAMES,
  SEVERITY_NAMES,
  type Cause,
  type DataType,
  type DisplayName,
  type Kind,
  type Severity,
} from '../classify/vocabulary.js';
import type { FeedState } from '../store/feedStateStore.js';
import type { Lang } from './i18n.js';

export const DATA_TYPE_NAMES: Record<DataType, DisplayName> = {
  name: { en: 'Name', ja: '氏名' },
  address: { en: 'Address', ja: '住所' },
  phone: { en: 'Phone number', ja: '電話番号' },
  email: { en: 'Email address', ja: 'メールアドレス' },
  birthdate: { en: 'Date of birth', ja: '生年月日' },
  credit_card: { en: 'Payment card data', ja: 'クレジットカード情報' },
  bank_account: { en: 'Bank account', ja: '銀行口座' },
  credentials: { en: 'Login ID / password', ja: 'ログインID・パスワード' },
  medical: { en: 'Medical / health data', ja: '医療・健康情報' },
  my_number: { en: 'My Number', ja: 'マイナンバー' },
  purchase_history: { en: 'Purchase history', ja: '購入履歴' },
  other: { en: 'Other', ja: 'その他' },
};

export const FEED_RESULT_NAMES: Record<FeedState['lastResult'], DisplayName> = {
  never: { en: 'not polled yet', ja: '未取得' },
  'new-posts': { en: 'new posts', ja: '新着あり' },
  'no-new-posts': { en: 'no new posts', ja: '新着なし' },
  'not-modified': { en: 'unchanged since the last poll', ja: '前回から変更なし' },
  error: { en: 'failed', ja: '失敗' },
};

export const causeLabel = (cause: Cause, lang: Lang): string => CAUSE_NAMES[cause][lang];
export const kindLabel = (kind: Kind, lang: Lang): string => KIND_NAMES[kind][lang];
export const severityLabel = (severity: Severity, lang: Lang): string =>
  SEVERITY_NAMES[severity][lang];
export const dataTypeLabel = (type: DataType, lang: Lang): string => DATA_TYPE_NAMES[type][lang];
export const feedResultLabel = (result: FeedState['lastResult'], lang: Lang): string =>
  FEED_RESULT_NAMES[result][lang];

/** The reader's name for any kind, cause or severity id (the id itself only if it is none of these). */
export function labelOf(id: string, lang: Lang): string {
  if (id in KIND_NAMES) return KIND_NAMES[id as Kind][lang];
  if (id in CAUSE_NAMES) return CAUSE_NAMES[id as Cause][lang];
  if (id in SEVERITY_NAMES) return SEVERITY_NAMES[id as Severity][lang];
  return id;
}

/** A list of names in the reader's language: 「氏名、住所」 / "Name, Address". */
export function listLabels<T>(items: readonly T[], name: (item: T) => string, lang: Lang): string {
  return items.map(name).join(lang === 'ja' ? '、' : ', ');
}
