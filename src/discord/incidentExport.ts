/**
 * `/incident export [since] [until] [format]` (Manage Server): the export streamed into one
 * attachment within the server's upload limit (config/limits.json `attachments.maxBytes`),
 * or, when it would not fit, the `jikenbo export` command line that writes the same file.
 */
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { exportAsAttachment } from '../export/exportAttachment.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/exportFormats.js';
import { t, type Lang } from '../i18n/i18n.js';
import { InputError } from '../i18n/userError.js';
import { parseDate } from '../subscriptions/parseOptions.js';
import type { CommandContext } from './commandModule.js';
import { respond } from './respond.js';

const FORMAT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  jsonl: 'JSON Lines',
  stix: 'STIX 2.1',
};

/** 8 MiB, 512 KiB: the upload limit as a reader sees it. */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.floor(bytes / 1024 / 1024)} MiB`
    : `${Math.floor(bytes / 1024)} KiB`;

/** The command line that writes the same export with the CLI. */
export function exportCommandLine(
  format: ExportFormat,
  since: string | null,
  until: string | null,
) {
  const range = `${since ? ` --since ${since}` : ''}${until ? ` --until ${until}` : ''}`;
  const file = `incidents.${format === 'stix' ? 'stix.json' : format}`;
  return `jikenbo export --format ${format}${range} --out ${file}`;
}

export async function exportIncidentsReply(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  lang: Lang,
): Promise<void> {
  // /incident is open to everyone; its export is for admins only.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild))
    throw new InputError('error.manage-guild');
  const o = interaction.options;
  const since = parseDate(o.getString('since'));
  const until = parseDate(o.getString('until'));
  if (since && until && since > until)
    throw new InputError('error.since-after-until', { since, until });
  const raw = o.getString('format') ?? 'csv';
  const format = (EXPORT_FORMATS as readonly string[]).includes(raw)
    ? (raw as ExportFormat)
    : 'csv';
  const today = ctx.now().toISOString().slice(0, 10);
  // Streamed from the archive's cursor, newest first: past the upload limit the reading stops.
  const records = ctx.stores.archive.streamIncidents({ since, until });
  const result = await exportAsAttachment(records, {
    format,
    since,
    until,
    maxBytes: ctx.limits.attachments.maxBytes,
    baseName: `jikenbo-incidents-${since ?? 'start'}-${until ?? today}`,
  });
  if (result.kind === 'too-large') {
    return respond(interaction, {
      content: t(lang, 'export.too-large', {
        size: sizeText(result.maxBytes),
        command: exportCommandLine(format, since, until),
      }),
      ephemeral: true,
    });
  }
  return respond(interaction, {
    content: t(lang, 'export.done', { count: result.incidents, format: FORMAT_NAMES[format] }),
    files: [{ attachment: result.bytes, name: result.fileName }],
    ephemeral: true,
  });
}
