/** Japanese and English texts for replies and alerts. `ja` locales get Japanese; everyone else English. */
export type Lang = 'ja' | 'en';

export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const TEXTS = {
  'error.generic': {
    en: 'Something went wrong on our side. Reference: {ref}',
    ja: '内部エラーが発生しました。参照番号: {ref}',
  },
  'error.guild-only': {
    en: 'This command works only in a server.',
    ja: 'このコマンドはサーバー内でのみ使えます。',
  },
  'error.manage-guild': {
    en: 'You need the Manage Server permission for this command.',
    ja: 'このコマンドには「サーバー管理」権限が必要です。',
  },
  'error.unknown-ids': {
    en: 'Unknown {what}: {bad}. Use any of: {valid}.',
    ja: '不明な{what}です: {bad}。使えるのは次のとおりです: {valid}',
  },
  'error.list-empty': {
    en: '{what} is empty. Give comma-separated words, for example `VPN, ランサムウェア`.',
    ja: '{what}が空です。`VPN, ランサムウェア` のようにカンマ区切りで指定してください。',
  },
  'error.list-too-long': {
    en: '{what} is too long: at most {max} words of at most {chars} characters each.',
    ja: '{what}が長すぎます: 最大{max}語、各{chars}文字までです。',
  },
  'error.channel-type': {
    en: '{channel} is not a text channel. Pick a text, announcement or forum channel.',
    ja: '{channel} はテキストチャンネルではありません。テキスト・アナウンス・フォーラムチャンネルのいずれかを選んでください。',
  },
  'error.channel-other-server': {
    en: '{channel} is not a channel of this server. Pick a channel of this server.',
    ja: '{channel} はこのサーバーのチャンネルではありません。このサーバーのチャンネルを選んでください。',
  },
  'error.channel-permissions': {
    en: 'I cannot post in {channel}: missing {missing}. Give me these permissions there and try again.',
    ja: '{channel} に投稿できません。不足している権限: {missing}。権限を付与してから再度お試しください。',
  },
  'error.bad-date': {
    en: '`{value}` is not a date. Use YYYY-MM-DD, for example 2024-01-31.',
    ja: '`{value}` は日付ではありません。2024-01-31 のように YYYY-MM-DD で指定してください。',
  },
  'error.since-after-until': {
    en: '`since` ({since}) is after `until` ({until}).',
    ja: '`since` ({since}) が `until` ({until}) より後になっています。',
  },
  'error.no-incident': {
    en: 'No stored incident matches `{id}`. Try `/incident search` or an id like 2024-153.',
    ja: '`{id}` に一致する事件は保存されていません。`/incident search` か 2024-153 のような番号をお試しください。',
  },
  'error.no-subscription': {
    en: 'No subscription for {channel}. Create one with `/alerts subscribe`.',
    ja: '{channel} の購読はありません。`/alerts subscribe` で作成してください。',
  },
  'alerts.subscribed': {
    en: '{channel} is subscribed: {filter}',
    ja: '{channel} を購読しました: {filter}',
  },
  'alerts.updated': {
    en: 'Updated the subscription of {channel}: {filter}',
    ja: '{channel} の購読を更新しました: {filter}',
  },
  'alerts.unsubscribed': {
    en: '{channel} no longer receives alerts.',
    ja: '{channel} への通知を停止しました。',
  },
  'alerts.none': {
    en: 'No channel in this server is subscribed. Use `/alerts subscribe`.',
    ja: 'このサーバーには購読中のチャンネルがありません。`/alerts subscribe` を使ってください。',
  },
  'alerts.list-title': { en: 'Subscriptions in this server', ja: 'このサーバーの購読一覧' },
  'alerts.health-ok': { en: 'healthy', ja: '正常' },
  'alerts.health-broken': {
    en: 'BROKEN since {since}: {reason}',
    ja: '停止中({since}から): {reason}',
  },
  'alerts.preview-title': {
    en: 'Preview for {channel}: {passed} of {total} recent incidents would be alerted',
    ja: '{channel} のプレビュー: 直近{total}件中{passed}件が通知されます',
  },
  'alerts.test-sent': {
    en: 'Posted a sample alert in {channel}.',
    ja: '{channel} にサンプル通知を投稿しました。',
  },
  'alerts.test-failed': {
    en: 'Could not post in {channel}: {reason}',
    ja: '{channel} に投稿できませんでした: {reason}',
  },
  'filter.summary': {
    en: 'severity {severity} or higher; kinds: {kinds}; causes: {causes}{keywords}{exclude}{mention}',
    ja: '重大度「{severity}」以上、種別: {kinds}、原因: {causes}{keywords}{exclude}{mention}',
  },
  'filter.all-causes': { en: 'all', ja: 'すべて' },
  'filter.keywords': { en: '; keywords {words}', ja: '、キーワード {words}' },
  'filter.exclude': { en: '; excluding {words}', ja: '、除外 {words}' },
  'filter.mention': {
    en: '; pings {role} from {severity} up',
    ja: '、重大度「{severity}」以上で {role} にメンション',
  },
  'filter.passed': { en: 'passed', ja: '通知' },
  'filter.blocked-severity': {
    en: 'blocked: severity {actual} is below {min}',
    ja: 'ブロック: 重大度「{actual}」は「{min}」未満',
  },
  'filter.blocked-kind': {
    en: 'blocked: kind {actual} is not one of {allowed}',
    ja: 'ブロック: 種別「{actual}」は対象外',
  },
  'filter.blocked-cause': {
    en: 'blocked: cause {actual} is not one of {allowed}',
    ja: 'ブロック: 原因「{actual}」は対象外',
  },
  'filter.blocked-keywords': {
    en: 'blocked: none of the keywords {words}',
    ja: 'ブロック: キーワード {words} を含まない',
  },
  'filter.blocked-exclude': {
    en: 'blocked: contains excluded word {word}',
    ja: 'ブロック: 除外語 {word} を含む',
  },
  'incident.none': { en: 'No stored incident matches.', ja: '該当する事件はありません。' },
  'incident.latest-title': { en: 'Latest incidents', ja: '最新の事件' },
  'incident.search-title': {
    en: 'Incidents matching “{query}” ({count})',
    ja: '「{query}」に一致する事件({count}件)',
  },
  'incident.stats-title': {
    en: 'Incidents in the last {days} days: {total}',
    ja: '過去{days}日間の事件: {total}件',
  },
  'incident.by-cause': { en: 'By cause', ja: '原因別' },
  'incident.by-severity': { en: 'By severity', ja: '重大度別' },
  'export.done': {
    en: '{count} incidents as {format}, attached.',
    ja: '{count}件の事件を {format} で添付しました。',
  },
  'export.too-large': {
    en: 'The export is larger than the {size} a reply can attach. Run it on the bot’s host instead: `{command}`',
    ja: 'エクスポートが返信に添付できる {size} を超えます。ボットのホストで次を実行してください: `{command}`',
  },
  'feed.none': { en: 'No feeds configured.', ja: 'フィードが設定されていません。' },
  'feed.status-title': { en: 'Feed status', ja: 'フィードの状態' },
  'feed.line': {
    en: 'Last poll {last}: {result}. Next poll {next}. Failures in a row: {failures}. Posts stored: {posts}.',
    ja: '最終取得 {last}: {result}。次回 {next}。連続失敗 {failures}回。保存件数 {posts}件。',
  },
  'feed.failed-because': { en: '{result} ({reason})', ja: '{result}({reason})' },
  'feed.on-schedule': { en: 'on the regular schedule', ja: '定期実行時' },
  'feed.notice-failing': {
    en: '⚠️ The feed {feed} has failed {failures} times in a row: {reason}. Next attempt {next}.',
    ja: '⚠️ フィード {feed} の取得が{failures}回続けて失敗しています: {reason}。次回の試行は{next}です。',
  },
  'feed.notice-recovered': {
    en: '✅ The feed {feed} works again (after {failures} failures in a row).',
    ja: '✅ フィード {feed} の取得が回復しました({failures}回続けて失敗した後)。',
  },
  'feed.notify-set': {
    en: 'Feed trouble will be announced in {channel}: after {failures} failures in a row, and when the feed works again.',
    ja: 'フィードの障害を {channel} にお知らせします: {failures}回続けて失敗したときと、回復したときです。',
  },
  'feed.never': { en: 'never', ja: '未取得' },
  'feed.paused-store-replaced': {
    en: 'Polling is paused: the store is not the one used before (it was wiped or replaced, created {created}). Posts published meanwhile would be missed if its first poll were taken as history. The operator can accept it with ACCEPT_NEW_STORE=true. Commands keep working.',
    ja: '取得を一時停止しています: ストアが以前のものと異なります(消去または差し替え、作成 {created})。最初の取得を過去分として扱うと、その間に公開された記事を通知できません。運用者が ACCEPT_NEW_STORE=true で受け入れられます。コマンドは引き続き使えます。',
  },
  'help.title': {
    en: 'jikenbo — security incident alerts',
    ja: 'jikenbo — セキュリティ事件簿の通知',
  },
  'alert.field.organization': { en: 'Organisation', ja: '組織' },
  'alert.field.cause': { en: 'Cause', ja: '原因' },
  'alert.field.severity': { en: 'Severity', ja: '重大度' },
  'alert.field.affected': { en: 'People affected', ja: '影響人数' },
  'alert.field.dataTypes': { en: 'Data types', ja: '情報の種類' },
  'alert.field.disclosed': { en: 'Disclosed', ja: '公表日' },
  'alert.field.incidentId': { en: 'Incident id', ja: '事件番号' },
  'alert.affected-unknown': { en: 'not stated', ja: '記載なし' },
  'alert.affected-count': { en: '{count} people', ja: '{count}名' },
  'alert.sample': { en: '(sample alert)', ja: '(サンプル通知)' },
  // Why a post got its labels (src/alerts/explainReasons.ts): one short sentence per label.
  'why.in-title': { en: '“{word}” in the title', ja: 'タイトルの「{word}」' },
  'why.in-body': { en: '“{word}” in the post', ja: '本文の「{word}」' },
  'why.in-both': { en: '“{word}” in the title and post', ja: 'タイトルと本文の「{word}」' },
  'why.times': { en: ' ×{count}', ja: '×{count}' },
  'why.no-words': { en: 'no deciding words', ja: '決め手の語なし' },
  'why.no-security-words': { en: 'no security wording', ja: 'セキュリティ関連の語なし' },
  'why.decides': { en: '{why} → {label}', ja: '{why} → {label}' },
  'why.people': { en: '{count} people affected', ja: '影響 {count}名' },
  'why.cards': { en: '{count} payment cards', ja: 'カード情報 {count}件' },
  'why.cards-unstated': {
    en: 'payment card data (count not stated)',
    ja: 'カード情報(件数記載なし)',
  },
  'why.sensitive': { en: 'sensitive data ({items})', ja: '機微な情報({items})' },
  'why.wrongful-leak': {
    en: 'personal data exposed by an attack or misuse',
    ja: '攻撃・不正による個人情報流出のおそれ',
  },
  'why.internal-intrusion': {
    en: 'intrusion into internal systems',
    ja: '社内システムへの侵入',
  },
  'why.outage': { en: 'systems or operations stopped', ja: 'システム・業務の停止' },
  'why.ransomware': { en: 'ransomware attack', ja: 'ランサムウェア被害' },
  'why.degraded': { en: 'service slowed by an attack', ja: '攻撃によるサービス低下' },
  'why.spam-mass': { en: 'spam sent in bulk', ja: '迷惑メールの大量送信' },
  'why.spam-few': { en: 'spam sent', ja: '迷惑メールの送信' },
  'why.notice': { en: 'a notice without a data leak', ja: '情報流出を伴わない告知' },
  'why.no-leak': { en: 'no leak found by the investigation', ja: '調査で流出なしと判明' },
  'why.encrypted': { en: 'the data was encrypted', ja: 'データは暗号化済み' },
  'why.floor': { en: 'no scale stated', ja: '規模の記載なし' },
  'why.not-incident': { en: '{kind} post', ja: '{kind}の記事' },
  'why.other-fact': { en: 'the post’s facts', ja: '記事の記載' },
  'why.rules-title': { en: 'Rules behind the labels', ja: '判定したルール' },
  'why.details-button': { en: 'Details', ja: '詳細' },
  'why.post-gone': {
    en: 'This post is no longer stored, so its rules cannot be shown.',
    ja: 'この記事は保存されていないため、判定ルールを表示できません。',
  },
  // Incidents that follow the story (issue 12): timelines, update alerts, watchlists, digests.
  'story.timeline-title': { en: 'Timeline: {organization}', ja: '経過: {organization}' },
  'story.first-report': { en: 'First report', ja: '第一報' },
  'story.update': { en: 'Update', ja: '続報' },
  'story.no-change': {
    en: 'no change in people affected, severity or cause',
    ja: '影響人数・重大度・原因に変更なし',
  },
  'story.linked-because': { en: 'linked because it {why}', ja: '関連付けの理由: {why}' },
  'story.why.cited-title': {
    en: 'quotes the earlier notice’s title {words}',
    ja: '以前のお知らせのタイトル{words}を引用',
  },
  'story.why.cited-date': {
    en: 'cites the earlier notice’s date {words}',
    ja: '以前のお知らせの日付{words}に言及',
  },
  'story.why.cited-notice': {
    en: 'refers to an earlier notice {words} of the same organisation',
    ja: '同じ組織の以前のお知らせ{words}に言及',
  },
  'story.update-to': { en: 'Update to {title}', ja: '続報: {title}' },
  'story.update-to-unalerted': {
    en: 'Update to {title} (first reported {day}; that report was not alerted here)',
    ja: '続報: {title}({day}の第一報はこのチャンネルには通知されていません)',
  },
  'error.watch-name': {
    en: 'Watch a name of {min} to {max} characters (legal forms such as 株式会社 do not count): “{name}” is not one.',
    ja: '監視する名前は{min}〜{max}文字にしてください(株式会社などの法人格は数えません)。「{name}」は使えません。',
  },
  'error.watch-limit': {
    en: 'This server already watches {max} names, the most it may; remove one first.',
    ja: 'このサーバーの監視名は上限の{max}件に達しています。先に削除してください。',
  },
  'error.watch-unknown': {
    en: '“{name}” is not on this server’s watchlist.',
    ja: '「{name}」はこのサーバーの監視リストにありません。',
  },
  'story.watch-hit': { en: 'Watched: {names}', ja: '監視一致: {names}' },
  'story.watch-field.organization': { en: 'organisation', ja: '組織名' },
  'story.watch-field.title': { en: 'title', ja: 'タイトル' },
  'story.watch-field.text': { en: 'body', ja: '本文' },
  'watch.added': {
    en: 'Watching **{name}**: alerts to {channel}, pinging {role} ({count}/{max} names).',
    ja: '**{name}** を監視します: 通知先 {channel}、メンション {role}({count}/{max}件)。',
  },
  'watch.removed': { en: 'Stopped watching **{name}**.', ja: '**{name}** の監視をやめました。' },
  'watch.none': {
    en: 'This server watches no names. Add one with /watch add.',
    ja: 'このサーバーの監視名はありません。/watch add で追加できます。',
  },
  'watch.no-channel': {
    en: 'no channel yet (subscribe one with /alerts subscribe)',
    ja: '通知先なし(/alerts subscribe で購読してください)',
  },
  'watch.no-role': { en: 'nobody', ja: 'なし' },
  'watch.list-title': { en: 'Watched names ({count}/{max})', ja: '監視名({count}/{max}件)' },
  'watch.test-title': {
    en: '“{name}” would have caught {caught} of the last {scanned} posts',
    ja: '「{name}」は直近{scanned}件のうち{caught}件を検出します',
  },
  'watch.test-none': { en: 'None of them names it.', ja: 'どの記事にも出てきません。' },
  'watch.found-in': { en: 'named in the {where}', ja: '{where}に記載' },
  'story.digest-head': {
    en: 'Digest: {count} held alerts ({counts}) — {page}/{pages}',
    ja: 'ダイジェスト: 保留中の通知{count}件({counts}) — {page}/{pages}',
  },
  'story.why.same-organization': {
    en: 'is an update from the same organisation {words}',
    ja: '同じ組織{words}の続報',
  },
  // --- Discord-side faults and reply limits (issue 9: store down, forged options, long input) ---
  'error.store-unavailable': {
    en: 'The storage is unavailable right now, so your change was not saved. Try again in a minute.',
    ja: '現在ストレージを利用できないため、変更は保存されていません。少し待ってから再度お試しください。',
  },
  'error.timed-out': {
    en: 'This took too long: the storage may be unavailable. Try again in a minute, and check with `/alerts list` whether a change was saved.',
    ja: '処理に時間がかかりすぎました。ストレージを利用できない可能性があります。少し待ってから再度お試しください。変更が保存されたかは `/alerts list` で確認できます。',
  },
  'error.unknown-subcommand': {
    en: '`/{command}` has no subcommand `{sub}`. Use one of: {valid}.',
    ja: '`/{command}` にサブコマンド `{sub}` はありません。使えるのは次のとおりです: {valid}',
  },
  'error.unknown-option': {
    en: '`{option}` is not an option of this command.',
    ja: '`{option}` はこのコマンドのオプションではありません。',
  },
  'error.bad-choice': {
    en: '`{value}` is not a valid value for `{option}`. Use one of: {valid}.',
    ja: '`{value}` は `{option}` に指定できない値です。使えるのは次のとおりです: {valid}',
  },
  'error.out-of-range': {
    en: '`{option}` must be between {min} and {max}; got {value}.',
    ja: '`{option}` は {min} から {max} の範囲で指定してください(指定値: {value})。',
  },
  'error.too-long': {
    en: '`{option}` is too long: at most {max} characters.',
    ja: '`{option}` が長すぎます: 最大{max}文字です。',
  },
  'reply.more': { en: '…and {count} more', ja: '…ほか{count}件' },
  // H9 digests and quiet hours (issue 12).
  'error.bad-time': {
    en: '`{value}` is not a time of day. Use HH:MM on a 24-hour clock, for example 09:00.',
    ja: '`{value}` は時刻ではありません。09:00 のように24時間制の HH:MM で指定してください。',
  },
  'error.bad-zone': {
    en: '`{value}` is not a time zone. Use an IANA name such as Asia/Tokyo, Europe/London or UTC.',
    ja: '`{value}` はタイムゾーンではありません。Asia/Tokyo、Europe/London、UTC のような IANA 名で指定してください。',
  },
  'error.bad-quiet-hours': {
    en: '`{value}` are not quiet hours. Give a start and an end, for example 22:00-07:00, or `off` to have none.',
    ja: '`{value}` は静音時間として読めません。22:00-07:00 のように開始と終了を、なしにするには `off` を指定してください。',
  },
  'schedule.instant': { en: 'sent at once', ja: '即時に送信' },
  'schedule.digest': {
    en: 'a digest every day at {time} ({zone})',
    ja: '毎日 {time}({zone})にまとめて送信',
  },
  'schedule.quiet': {
    en: 'quiet {start}–{end} ({zone}): below {severity} waits',
    ja: '静音時間 {start}〜{end}({zone}): {severity}未満は保留',
  },
  'schedule.held': { en: '{count} alerts held', ja: '保留中の通知 {count}件' },
  'schedule.none-held': { en: 'nothing held', ja: '保留中の通知なし' },
  'schedule.threads': {
    en: 'updates in a thread on the first alert',
    ja: '続報は最初の通知のスレッドへ',
  },
  'schedule.forum': {
    en: 'a forum post per incident, its updates in the post',
    ja: '事件ごとにフォーラム投稿、続報はその投稿へ',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

/** The text for `key` in `lang` with `{name}` placeholders filled. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Formats a count for the locale: 5,069名 / 5,069 people. */
export function formatPeople(lang: Lang, count: number): string {
  return t(lang, 'alert.affected-count', { count: count.toLocaleString('en-US') });
}
