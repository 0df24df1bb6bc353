/** /watch — a server's watchlist: its own organisation and its suppliers, alerted at any severity. Needs Manage Server. */
import { ApplicationCommandOptionType as O, ChannelType, PermissionFlagsBits } from 'discord.js';
import { bySubcommand, type CommandModule } from '../src/discord/commandModule.js';
import { ja } from '../src/discord/localized.js';
import {
  addToWatchlist,
  listWatchlist,
  removeFromWatchlist,
  testWatch,
} from '../src/discord/watchCommands.js';

const nameOption = {
  type: O.String,
  name: 'name',
  name_localizations: ja('名前'),
  description: 'Organisation or word (legal forms such as 株式会社 are ignored)',
  description_localizations: ja('組織名または語(株式会社などの法人格は無視)'),
  required: true,
  max_length: 100,
} as const;

const data: CommandModule['data'] = {
  name: 'watch',
  name_localizations: ja('監視'),
  description: 'Watch organisations: alerts for any post naming them',
  description_localizations: ja('組織を監視: その名前が出る記事をすべて通知'),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [0],
  options: [
    {
      type: O.Subcommand,
      name: 'add',
      name_localizations: ja('追加'),
      description: 'Watch a name (up to 200 per server)',
      description_localizations: ja('名前を監視する(1サーバー200件まで)'),
      options: [
        nameOption,
        {
          type: O.Channel,
          name: 'channel',
          name_localizations: ja('チャンネル'),
          description: 'Where its alerts go (default: the first subscribed channel)',
          description_localizations: ja('通知先(既定: 最初の購読チャンネル)'),
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        {
          type: O.Role,
          name: 'mention_role',
          name_localizations: ja('メンションロール'),
          description: 'Role to ping when it is named',
          description_localizations: ja('名前が出たときにメンションするロール'),
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'remove',
      name_localizations: ja('削除'),
      description: 'Stop watching a name',
      description_localizations: ja('名前の監視をやめる'),
      options: [nameOption],
    },
    {
      type: O.Subcommand,
      name: 'list',
      name_localizations: ja('一覧'),
      description: 'Watched names of this server',
      description_localizations: ja('このサーバーの監視名'),
    },
    {
      type: O.Subcommand,
      name: 'test',
      name_localizations: ja('テスト'),
      description: 'Which of the last 200 stored posts a name would have caught, and why',
      description_localizations: ja('直近200件の記事のうち、その名前で検出されるものと理由'),
      options: [nameOption],
    },
  ],
};

const execute = bySubcommand({
  add: addToWatchlist,
  remove: removeFromWatchlist,
  list: listWatchlist,
  test: testWatch,
});

const command: CommandModule = { data, execute };

export default command;
