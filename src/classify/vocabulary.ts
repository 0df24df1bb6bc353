/**
 * The product's fixed vocabulary, from shared/spec/classification.md.
 * Alerts, filters, commands, storage and the evaluation all use these ids.
 */
import { z } from 'zod';

export const KINDS = [
  'incident',
  'incident_update',
  'threat_intel',
  'regulatory',
  'off_topic',
] as const;
export const CAUSES = [
  'ransomware',
  'malware',
  'unauthorized_access',
  'web_skimming',
  'account_compromise',
  'phishing',
  'misconfiguration',
  'misdelivery',
  'loss_theft',
  'insider',
  'domain_hijack',
  'ddos',
  'other',
] as const;
/** Ordered from most to least severe. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const DATA_TYPES = [
  'name',
  'address',
  'phone',
  'email',
  'birthdate',
  'credit_card',
  'bank_account',
  'credentials',
  'medical',
  'my_number',
  'purchase_history',
  'other',
] as const;

export type Kind = (typeof KINDS)[number];
export type Cause = (typeof CAUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type DataType = (typeof DATA_TYPES)[number];

export const kindSchema = z.enum(KINDS);
export const causeSchema = z.enum(CAUSES);
export const severitySchema = z.enum(SEVERITIES);
export const dataTypeSchema = z.enum(DATA_TYPES);

/**
 * The kinds that report an incident (spec: alert relevance): what the incident lookups list, what
 * links into a timeline, and what a subscription alerts when it does not say otherwise.
 */
export const INCIDENT_KINDS = ['incident', 'incident_update'] as const satisfies readonly Kind[];

/** Whether a kind reports an incident (one of INCIDENT_KINDS). */
export function isIncidentKind(kind: Kind): boolean {
  return (INCIDENT_KINDS as readonly Kind[]).includes(kind);
}

/** Kinds alerted when a subscription does not say otherwise. */
export const DEFAULT_ALERT_KINDS: readonly Kind[] = INCIDENT_KINDS;

export interface DisplayName {
  en: string;
  ja: string;
}

export const KIND_NAMES: Record<Kind, DisplayName> = {
  incident: { en: 'Incident', ja: 'インシデント' },
  incident_update: { en: 'Update', ja: '続報' },
  threat_intel: { en: 'Threat intel', ja: '脅威情報' },
  regulatory: { en: 'Regulatory', ja: '行政対応' },
  off_topic: { en: 'Off-topic', ja: '対象外' },
};

export const SEVERITY_NAMES: Record<Severity, DisplayName> = {
  critical: { en: 'Critical', ja: '緊急' },
  high: { en: 'High', ja: '高' },
  medium: { en: 'Medium', ja: '中' },
  low: { en: 'Low', ja: '低' },
  info: { en: 'Info', ja: '情報' },
};

export const CAUSE_NAMES: Record<Cause, DisplayName> = {
  ransomware: { en: 'Ransomware', ja: 'ランサムウェア' },
  malware: { en: 'Malware infection', ja: 'マルウェア感染' },
  unauthorized_access: { en: 'Unauthorized access / intrusion', ja: '不正アクセス' },
  web_skimming: { en: 'Payment page tampering (card skimming)', ja: '決済画面改ざん' },
  account_compromise: { en: 'Account takeover / misuse', ja: 'アカウント不正利用' },
  phishing: { en: 'Phishing / social engineering', ja: 'フィッシング・なりすまし' },
  misconfiguration: { en: 'Misconfiguration / system defect', ja: '設定不備・不具合' },
  misdelivery: { en: 'Misdelivery / mistaken publication', ja: '誤送信・誤送付・誤掲載' },
  loss_theft: { en: 'Loss / theft', ja: '紛失・盗難' },
  insider: { en: 'Insider misuse', ja: '内部不正・持ち出し' },
  domain_hijack: { en: 'Domain re-registration / hijack', ja: 'ドメイン再取得・乗っ取り' },
  ddos: { en: 'DDoS / service disruption attack', ja: 'DDoS攻撃' },
  other: { en: 'Other / unknown', ja: 'その他・不明' },
};

/** Rank of a severity: higher is worse (info 0 … critical 4). */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}
