/**
 * The key two posts about one organisation share: NFKC, case and spaces folded, legal-form words
 * (株式会社, （株）, 有限会社, Inc., Co., Ltd. …) dropped. Used by incident linking and watchlists.
 */

/** Legal forms ignored wherever they stand in the name; longer forms first so 合同会社 is not cut to 会社. */
const LEGAL_FORMS = [
  '特定非営利活動法人',
  '一般社団法人',
  '公益社団法人',
  '一般財団法人',
  '公益財団法人',
  '地方独立行政法人',
  '国立研究開発法人',
  '独立行政法人',
  '国立大学法人',
  '学校法人',
  '医療法人社団',
  '医療法人',
  '社会福祉法人',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '(株)',
  '(有)',
  '(同)',
  '(財)',
  '(社)',
  '㈱',
  '㈲',
];

/** Latin legal forms, matched as whole words after case folding. */
const LATIN_FORMS =
  /(^|[\s,.])(incorporated|inc|corporation|corp|company|co|limited|ltd|llc|plc|gmbh|k\.k|kk)\.?(?=$|[\s,.])/gu;

/** NFKC turns ㈱ into (株) and full-width brackets into ASCII ones, so one list covers every width. */
const JAPANESE_FORMS = new RegExp(
  LEGAL_FORMS.map((f) => f.normalize('NFKC').replace(/[()]/g, (c) => `\\${c}`)).join('|'),
  'gu',
);

/** The normalised organisation key, or null when nothing of the name remains. */
export function organizationKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let value = name.normalize('NFKC').toLowerCase();
  value = value.replace(JAPANESE_FORMS, ' ');
  // Twice: "Example Co., Ltd." has two adjacent forms sharing a separator.
  value = value.replace(LATIN_FORMS, '$1').replace(LATIN_FORMS, '$1');
  value = value.replace(/[\s\p{Cc}・,.、。「」『』"'’()[\]]+/gu, '');
  return value.length > 0 ? value : null;
}

/** The same folding over any text (titles, bodies), legal forms kept: what a watched name is found in. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cc}・]+/gu, '');
}
