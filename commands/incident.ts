/** /incident — look incidents up: latest, search, show, stats. Open to everyone. */
import { ApplicationCommandOptionType as O, type ChatInputCommandInteraction } from 'discord.js';
import { langOf, t, type Lang } from '../src/i18n/i18n.js';
import { causeLabel } from '../src/i18n/labels.js';
import { InputError, parseDate } from '../src/subscriptions/parseOptions.js';
import { cut, renderIncidentEmbed, SEVERITY_COLOURS } from '../src/alerts/renderAlert.js';
import { ruleIdsOf } from '../src/alerts/explainReasons.js';
import { renderTimelineEmbed } from '../src/alerts/renderTimeline.js';
import { incidentTimeline } from '../src/incidents/timeline.js';
import { rootIdOf } from '../src/incidents/linkIncident.js';
import type { IncidentArchive } from '../src/store/sql/incidentArchive.js';
import { causeSchema, severitySchema, SEVERITY_NAMES } from '../src/classify/vocabulary.js';
import { archiveStatsSeries } from '../src/charts/archiveSeries.js';
import { statsPeriod, statsReplyOf } from '../src/charts/statsReply.js';
import { exportIncidentsReply } from '../src/discord/incidentExport.js';
import type { StoredPost } from '../src/store/postStore.js';
import type { CommandContext, CommandModule } from '../src/discord/commandModule.js';
import { CAUSE_CHOICES, ja, SEVERITY_CHOICES } from '../src/discord/localized.js';
import { respond } from '../src/discord/respond.js';

/** `cause:` — the same filter on /incident latest and /incident search. */
const causeOption = {
  type: O.String,
  name: 'cause',
  name_localizations: ja('原因'),
  description: 'Only this cause',
  description_localizations: ja('この原因のみ'),
  choices: CAUSE_CHOICES,
} as const;

/** The period options `search` and `export` share: one definition, one wording. */
const PERIOD_OPTIONS = [
  {
    type: O.String,
    name: 'since',
    name_localizations: ja('開始日'),
    description: 'From this date (YYYY-MM-DD)',
    description_localizations: ja('この日から(YYYY-MM-DD)'),
  },
  {
    type: O.String,
    name: 'until',
    name_localizations: ja('終了日'),
    description: 'Up to this date (YYYY-MM-DD)',
    description_localizations: ja('この日まで(YYYY-MM-DD)'),
  },
] as const;

const data: CommandModule['data'] = {
  name: 'incident',
  name_localizations: ja('事件'),
  description: 'Look up security incidents',
  description_localizations: ja('セキュリティ事件を調べる'),
  contexts: [0],
  options: [
    {
      type: O.Subcommand,
      name: 'latest',
      name_localizations: ja('最新'),
      description: 'The latest incidents',
      description_localizations: ja('最新の事件'),
      options: [
        {
          type: O.Integer,
          name: 'count',
          name_localizations: ja('件数'),
          description: 'How many (1-10, default 5)',
          description_localizations: ja('件数(1〜10、既定5)'),
          min_value: 1,
          max_value: 10,
        },
        {
          type: O.String,
          name: 'min_severity',
          name_localizations: ja('最低重大度'),
          description: 'Lowest severity',
          description_localizations: ja('最低の重大度'),
          choices: SEVERITY_CHOICES,
        },
        causeOption,
      ],
    },
    {
      type: O.Subcommand,
      name: 'search',
      name_localizations: ja('検索'),
      description: 'Search titles and organisations',
      description_localizations: ja('タイトルと組織名を検索'),
      options: [
        {
          type: O.String,
          name: 'query',
          name_localizations: ja('検索語'),
          description: 'Words in the title or organisation',
          description_localizations: ja('タイトルまたは組織名の語'),
          required: true,
          max_length: 100,
        },
        causeOption,
        {
          type: O.String,
          name: 'severity',
          name_localizations: ja('重大度'),
          description: 'Only this severity',
          description_localizations: ja('この重大度のみ'),
          choices: SEVERITY_CHOICES,
        },
        ...PERIOD_OPTIONS,
      ],
    },
    {
      type: O.Subcommand,
      name: 'show',
      name_localizations: ja('表示'),
      description: 'One incident by id (2024-153) or post link',
      description_localizations: ja('事件番号(2024-153)か記事リンクで表示'),
      options: [
        {
          type: O.String,
          name: 'id',
          name_localizations: ja('番号'),
          description: 'Incident id or post link',
          description_localizations: ja('事件番号または記事リンク'),
          required: true,
          autocomplete: true,
        },
        {
          type: O.Boolean,
          name: 'explain',
          name_localizations: ja('詳細'),
          description: 'Also list the classifier rules behind each label',
          description_localizations: ja('各ラベルを判定した分類ルールも表示'),
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'stats',
      name_localizations: ja('統計'),
      description: 'Counts by cause and severity',
      description_localizations: ja('原因別・重大度別の件数'),
      options: [
        {
          type: O.Integer,
          name: 'days',
          name_localizations: ja('日数'),
          description: 'Period in days (default 30)',
          description_localizations: ja('期間(日数、既定30)'),
          min_value: 1,
          max_value: 3650,
        },
      ],
    },
    {
      type: O.Subcommand,
      name: 'export',
      name_localizations: ja('エクスポート'),
      description: 'Download the incidents as CSV, JSON lines or STIX 2.1 (Manage Server)',
      description_localizations: ja(
        '事件を CSV・JSON Lines・STIX 2.1 でダウンロード(サーバー管理権限)',
      ),
      options: [
        ...PERIOD_OPTIONS,
        {
          type: O.String,
          name: 'format',
          name_localizations: ja('形式'),
          description: 'File format (default CSV)',
          description_localizations: ja('ファイル形式(既定: CSV)'),
          choices: [
            { name: 'CSV', value: 'csv' },
            { name: 'JSON lines', value: 'jsonl', name_localizations: ja('JSON Lines') },
            { name: 'STIX 2.1', value: 'stix' },
          ],
        },
      ],
    },
  ],
};

function line(r: StoredPost, lang: Lang): string {
  const c = r.classification;
  const id = c.incidentId ? `#${c.incidentId} ` : '';
  const title = cut(c.organization ?? r.post.title, 60);
  // Only http(s) links become masked links (a stored javascript: link stays plain text).
  const linked =
    r.post.link && /^https?:\/\//i.test(r.post.link)
      ? `[${title.replace(/[[\]]/g, '')}](${r.post.link})`
      : title;
  return `**[${SEVERITY_NAMES[c.severity][lang]}]** ${id}${linked} — ${causeLabel(c.cause, lang)}${c.disclosedOn ? ` (${c.disclosedOn})` : ''}`;
}

function listEmbed(title: string, items: StoredPost[], lang: Lang) {
  return {
    title: cut(title, 256),
    description: cut(items.map((r) => line(r, lang)).join('\n') || t(lang, 'incident.none'), 4096),
    color: items[0] ? SEVERITY_COLOURS[items[0].classification.severity] : undefined,
  };
}

/** Room left for a timeline beside one incident embed, within Discord's 6000 characters per message. */
const TIMELINE_CHARS = 2500;

/** The timeline of the incident `record` belongs to (issue 12), when it has more than one post. */
async function timelineEmbeds(record: StoredPost, archive: IncidentArchive, lang: Lang) {
  const entries = incidentTimeline(record, await archive.incidentPosts(rootIdOf(record)));
  return entries.length > 1 ? [renderTimelineEmbed(entries, lang, TIMELINE_CHARS)] : [];
}

async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const lang = langOf(interaction.locale);
  const o = interaction.options;
  // Every lookup is an indexed query of the archive, never a load of every post.
  const { archive } = ctx.stores;
  switch (o.getSubcommand()) {
    case 'latest': {
      const minSeverity = o.getString('min_severity');
      const cause = o.getString('cause');
      const items = await archive.latest({
        count: o.getInteger('count') ?? 5,
        minSeverity: minSeverity ? severitySchema.parse(minSeverity) : null,
        cause: cause ? causeSchema.parse(cause) : null,
      });
      return respond(interaction, {
        embeds: [listEmbed(t(lang, 'incident.latest-title'), items, lang)],
      });
    }
    case 'search': {
      const since = parseDate(o.getString('since'));
      const until = parseDate(o.getString('until'));
      if (since && until && since > until)
        throw new InputError('error.since-after-until', { since, until });
      const cause = o.getString('cause');
      const severity = o.getString('severity');
      const query = o.getString('query', true);
      const { total, items } = await archive.search({
        query,
        cause: cause ? causeSchema.parse(cause) : null,
        severity: severity ? severitySchema.parse(severity) : null,
        since,
        until,
        limit: 10,
      });
      return respond(interaction, {
        embeds: [listEmbed(t(lang, 'incident.search-title', { query, count: total }), items, lang)],
      });
    }
    case 'show': {
      const id = o.getString('id', true);
      const found = await archive.show(id);
      if (found.length === 0) throw new InputError('error.no-incident', { id });
      const explain = o.getBoolean('explain') ?? false;
      // The rules list can fill a message's 6000 characters on its own: the timeline comes without it.
      const timeline = explain ? [] : await timelineEmbeds(found[0] as StoredPost, archive, lang);
      const shown = found.slice(0, timeline.length > 0 ? 1 : 3);
      return respond(interaction, {
        embeds: [
          ...shown.flatMap((r) => {
            const embed = renderIncidentEmbed(r, lang);
            if (!explain) return [embed];
            const rules = {
              title: t(lang, 'why.rules-title'),
              description: cut(
                ruleIdsOf(r)
                  .map((line) => `\`${line}\``)
                  .join('\n'),
                4096,
              ),
              color: embed.color,
            };
            return [embed, rules];
          }),
          ...timeline,
        ],
      });
    }
    case 'stats': {
      const days = o.getInteger('days') ?? 30;
      const stats = await statsReplyOf(
        await archiveStatsSeries(archive, statsPeriod(days, ctx.now())),
        lang,
      );
      return respond(interaction, {
        content: t(lang, 'incident.stats-title', { days, total: stats.total }),
        embeds: stats.embeds,
        files: stats.files.map((f) => ({ attachment: f.data, name: f.name })),
      });
    }
    case 'export':
      return exportIncidentsReply(interaction, ctx, lang);
  }
}

const command: CommandModule = {
  data,
  execute,
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().normalize('NFKC').trim();
    const { archive } = ctx.stores;
    // An id as typed (`2024-1`, `#2024`) by the id index; anything else (an organisation) by search.
    const suggestions = /^#?[\d-]*$/.test(typed)
      ? await archive.suggestIncidents(typed, 25)
      : (await archive.search({ query: typed, limit: 25 })).items
          .filter((r) => r.classification.incidentId)
          .map((r) => ({
            incidentId: r.classification.incidentId as string,
            label: r.classification.organization ?? r.post.title,
          }));
    const choices = [...new Map(suggestions.map((s) => [s.incidentId, s])).values()].map((s) => ({
      name: cut(`${s.incidentId} ${s.label}`, 100),
      value: s.incidentId,
    }));
    await interaction.respond(choices);
  },
};

export default command;
