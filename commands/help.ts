/** /help — what jikenbo does and its commands, in the user's language. */
import { langOf, t } from '../src/i18n/i18n.js';
import type { CommandModule } from '../src/discord/commandModule.js';
import { ja } from '../src/discord/localized.js';
import { respond } from '../src/discord/respond.js';

const LINES = {
  en: [
    '`/alerts subscribe` — send classified incident alerts to a channel, with a filter (Manage Server)',
    '`/alerts list` · `/alerts preview` · `/alerts test` · `/alerts unsubscribe`',
    '`/incident latest` · `/incident search` · `/incident show` · `/incident stats` (with charts)',
    '`/incident show explain:true` — also the classifier rules behind each label',
    '`/incident export` — the incidents as CSV, JSON Lines or STIX 2.1 (Manage Server)',
    '`/feed status` — the blog feeds and their health (Manage Server)',
    '`/feed notify` — a channel that hears when a feed keeps failing and when it recovers (Manage Server)',
    '`/watch add` · `/watch list` · `/watch test` · `/watch remove` — alert on any post naming your organisation or suppliers, whatever its severity (Manage Server)',
    'An update to an incident already alerted in a channel is posted as a reply to that alert, with what changed.',
    'Each alert’s footer says why: the words in the post that decided each label.',
  ],
  ja: [
    '`/alerts subscribe` — 分類済みの事件通知をフィルター付きでチャンネルに送ります(サーバー管理権限)',
    '`/alerts list` · `/alerts preview` · `/alerts test` · `/alerts unsubscribe`',
    '`/incident latest` · `/incident search` · `/incident show` · `/incident stats`(グラフ付き)',
    '`/incident show explain:true` — 各ラベルを判定した分類ルールも表示',
    '`/incident export` — 事件を CSV・JSON Lines・STIX 2.1 で出力(サーバー管理権限)',
    '`/feed status` — フィードの取得状況(サーバー管理権限)',
    '`/feed notify` — フィードの連続失敗と回復を知らせるチャンネル(サーバー管理権限)',
    '`/watch add` · `/watch list` · `/watch test` · `/watch remove` — 自組織や取引先の名前が出た記事を重大度に関係なく通知(サーバー管理権限)',
    'すでに通知した事件の続報は、その通知への返信として変化した点とともに投稿します。',
    '通知のフッターには、各ラベルの決め手となった記事中の語を表示します。',
  ],
};

const command: CommandModule = {
  data: {
    name: 'help',
    name_localizations: ja('ヘルプ'),
    description: 'What jikenbo does and how to use it',
    description_localizations: ja('jikenbo の機能と使い方'),
    contexts: [0],
  },
  async execute(interaction) {
    const lang = langOf(interaction.locale);
    await respond(interaction, {
      embeds: [{ title: t(lang, 'help.title'), description: LINES[lang].join('\n') }],
      ephemeral: true,
    });
  },
};

export default command;
