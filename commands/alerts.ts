/** /alerts — subscribe a channel to alerts with a filter, list, preview, test, unsubscribe. Needs Manage Server. */
import { ApplicationCommandOptionType as O, ChannelType, PermissionFlagsBits } from 'discord.js';
import { langOf } from '../src/i18n/i18n.js';
import { CAUSES, CAUSE_NAMES, KINDS, KIND_NAMES } from '../src/classify/vocabulary.js';
import {
  listSubscriptions,
  postSampleAlert,
  previewSubscription,
} from '../src/discord/alertsReports.js';
import { subscribeChannel, unsubscribeChannel } from '../src/discord/alertsSubscribe.js';
import { bySubcommand, type CommandModule } from '../src/discord/commandModule.js';
import { completeIdList, ja, SEVERITY_CHOICES } from '../src/discord/localized.js';

const channelOption = (required: boolean, description: string, jaDescription: string) => ({
  type: O.Channel as const,
  name: 'channel',
  name_localizations: ja('チャンネル'),
  description,
  description_localizations: ja(jaDescription),
  channel_types: [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
    ChannelType.GuildForum,
  ] as Array<ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum>,
  required,
});

/** The choices of an on/off option, both languages in each name. */
const ON_OFF_CHOICES = [
  { name: 'On / オン', name_localizations: ja('オン / On'), value: 'on' },
  { name: 'Off / オフ', name_localizations: ja('オフ / Off'), value: 'off' },
];

const data: CommandModule['data'] = {
  name: 'alerts',
  name_localizations: ja('通知'),
  description: 'Incident alerts for this server',
  description_localizations: ja('このサーバーの事件通知'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [0],
  options: [
    {
      type: O.Subcommand,
      name: 'subscribe',
      name_localizations: ja('購読'),
      description: 'Send alerts to a channel, with a filter',
      description_localizations: ja('チャンネルに通知を送る(フィルター付き)'),
      options: [
        channelOption(true, 'Channel for the alerts', '通知を送るチャンネル'),
        {
          type: O.String,
          name: 'min_severity',
          name_localizations: ja('最低重大度'),
          description: 'Lowest severity to alert (default medium)',
          description_localizations: ja('通知する最低の重大度(既定: 中)'),
          choices: SEVERITY_CHOICES,
        },
        {
          type: O.String,
          name: 'causes',
          name_localizations: ja('原因'),
          description: 'Causes, comma-separated; pick from the suggestions (default: all)',
          description_localizations: ja('原因をカンマ区切りで。候補から選べます(既定: すべて)'),
          autocomplete: true,
        },
        {
          type: O.String,
          name: 'kinds',
          name_localizations: ja('種別'),
          description:
            'Kinds, comma-separated; pick from the suggestions (default: Incident, Update)',
          description_localizations: ja(
            '種別をカンマ区切りで。候補から選べます(既定: インシデント、続報)',
          ),
          autocomplete: true,
        },
        {
          type: O.String,
          name: 'keywords',
          name_localizations: ja('キーワード'),
          description: 'Alert only posts with any of these words',
          description_localizations: ja('いずれかの語を含む投稿だけ通知'),
          max_length: 1000,
        },
        {
          type: O.String,
          name: 'exclude',
          name_localizations: ja('除外語'),
          description: 'Never alert posts with these words',
          description_localizations: ja('これらの語を含む投稿は通知しない'),
          max_length: 1000,
        },
        {
          type: O.Role,
          name: 'mention_role',
          name_localizations: ja('メンションロール'),
          description: 'Role to ping for serious alerts',
          description_localizations: ja('重大な通知でメンションするロール'),
        },
        {
          type: O.String,
          name: 'mention_min_severity',
          name_localizations: ja('メンション重大度'),
          description: 'Ping from this severity (default high)',
          description_localizations: ja('この重大度以上でメンション(既定: 高)'),
          choices: SEVERITY_CHOICES,
        },
        {
          type: O.String,
          name: 'delivery',
          name_localizations: ja('配信'),
          description: 'Send each alert at once, or a daily digest (default instant)',
          description_localizations: ja('通知をすぐ送るか、毎日まとめて送るか(既定: 即時)'),
          choices: [
            { name: 'Instant / 即時', name_localizations: ja('即時 / Instant'), value: 'instant' },
            {
              name: 'Daily digest / 毎日のまとめ',
              name_localizations: ja('毎日のまとめ / Daily digest'),
              value: 'digest',
            },
          ],
        },
        {
          type: O.String,
          name: 'digest_time',
          name_localizations: ja('まとめ時刻'),
          description: 'Time of the daily digest, HH:MM (default 09:00)',
          description_localizations: ja('まとめを送る時刻 HH:MM(既定: 09:00)'),
          max_length: 5,
        },
        {
          type: O.String,
          name: 'timezone',
          name_localizations: ja('タイムゾーン'),
          description:
            'IANA time zone, e.g. Asia/Tokyo (default: Asia/Tokyo in Japanese, else UTC)',
          description_localizations: ja(
            'IANA タイムゾーン 例: Asia/Tokyo(既定: 日本語なら Asia/Tokyo、他は UTC)',
          ),
          max_length: 64,
        },
        {
          type: O.String,
          name: 'quiet_hours',
          name_localizations: ja('静音時間'),
          description: 'Hold alerts during these hours, e.g. 22:00-07:00; off for none',
          description_localizations: ja('この時間帯は通知を保留 例: 22:00-07:00(off でなし)'),
          max_length: 20,
        },
        {
          type: O.String,
          name: 'quiet_below',
          name_localizations: ja('静音対象'),
          description: 'During quiet hours, hold alerts below this severity (default critical)',
          description_localizations: ja('静音時間中、この重大度未満を保留(既定: 緊急)'),
          choices: SEVERITY_CHOICES,
        },
        {
          type: O.String,
          name: 'threads',
          name_localizations: ja('スレッド'),
          description: 'Post updates in a thread on the first alert (text channels; default off)',
          description_localizations: ja(
            '続報を最初の通知のスレッドに投稿(テキストチャンネル。既定: オフ)',
          ),
          choices: ON_OFF_CHOICES,
        },
        {
          type: O.String,
          name: 'publish',
          name_localizations: ja('公開'),
          description:
            'Announcement channels: publish each alert to the servers following it (default off)',
          description_localizations: ja(
            'アナウンスチャンネルのみ: 各通知をフォロー先のサーバーへ公開(既定: オフ)',
          ),
          choices: ON_OFF_CHOICES,
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'unsubscribe',
      name_localizations: ja('購読解除'),
      description: 'Stop alerts in a channel',
      description_localizations: ja('チャンネルへの通知を止める'),
      options: [channelOption(true, 'Channel to stop', '通知を止めるチャンネル')],
    },
    {
      type: O.Subcommand,
      name: 'list',
      name_localizations: ja('一覧'),
      description: 'Subscriptions of this server, their filters and health',
      description_localizations: ja('このサーバーの購読・フィルター・状態'),
    },
    {
      type: O.Subcommand,
      name: 'preview',
      name_localizations: ja('プレビュー'),
      description: 'Which recent incidents a subscription lets through, and why',
      description_localizations: ja('直近の事件が通知されるか、その理由'),
      options: [channelOption(false, 'Subscribed channel', '購読中のチャンネル')],
    },
    {
      type: O.Subcommand,
      name: 'test',
      name_localizations: ja('テスト'),
      description: 'Post a sample alert to check format and permissions',
      description_localizations: ja('サンプル通知を投稿して形式と権限を確認'),
      options: [channelOption(true, 'Channel for the sample', 'サンプルを投稿するチャンネル')],
    },
  ],
};

const execute = bySubcommand({
  subscribe: subscribeChannel,
  unsubscribe: unsubscribeChannel,
  list: listSubscriptions,
  preview: previewSubscription,
  test: postSampleAlert,
});

const command: CommandModule = {
  data,
  execute,
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    const lang = langOf(interaction.locale);
    const choices =
      focused.name === 'causes'
        ? completeIdList(
            focused.value,
            CAUSES,
            (c) => CAUSE_NAMES[c as (typeof CAUSES)[number]][lang],
          )
        : focused.name === 'kinds'
          ? completeIdList(
              focused.value,
              KINDS,
              (k) => KIND_NAMES[k as (typeof KINDS)[number]][lang],
            )
          : [];
    await interaction.respond(choices);
  },
};

export default command;
