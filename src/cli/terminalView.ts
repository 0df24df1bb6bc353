/** Compact terminal renderings of what the bot posts, for the demo: a severity badge, then the gist. */
import type { Reply, StoredMessage } from '@jikenbo/discord-emulator';
import { SEVERITY_COLOURS } from '../alerts/renderAlert.js';
import type { Severity } from '../classify/vocabulary.js';

interface EmbedLike {
  title?: string;
  url?: string;
  color?: number;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

const BADGE: Record<Severity, [string, string]> = {
  critical: ['CRITICAL', '\x1b[41;97m'],
  high: ['HIGH', '\x1b[31m'],
  medium: ['MEDIUM', '\x1b[33m'],
  low: ['LOW', '\x1b[36m'],
  info: ['INFO', '\x1b[90m'],
};

function badgeFor(color: number | undefined, tty: boolean): string {
  const severity =
    (Object.keys(SEVERITY_COLOURS) as Severity[]).find((s) => SEVERITY_COLOURS[s] === color) ??
    'info';
  const [label, code] = BADGE[severity];
  const text = `[${label}]`.padEnd(10);
  return tty ? `${code}${text}\x1b[0m` : text;
}

const unescape = (s: string) => s.replace(/\\([\\*_~`|>[\]])/g, '$1').replace(/@\u200b/g, '@');

/**
 * Discord Markdown as a terminal shows it: `**bold**` bold (or plain without colour),
 * `[text](url)` as `text <url>`, escapes removed, so no raw Markdown reaches the reader.
 */
export function markdownToTerminal(text: string, tty: boolean): string {
  return unescape(
    text
      .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => (tty ? `\x1b[1m${inner}\x1b[22m` : inner))
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 <$2>'),
  );
}

/** One alert as a person would read it, in two lines. */
export function renderAlertLine(
  channelName: string,
  message: StoredMessage,
  tty: boolean,
  names?: Names,
): string {
  const embed = ((message.embeds as EmbedLike[] | undefined) ?? [])[0];
  if (!embed) return `  #${channelName}: ${String(message.content ?? '')}`;
  const field = (i: number) => embed.fields?.[i]?.value ?? '—';
  const ping = message.content ? ` ${readable(String(message.content), names)}` : '';
  return [
    `  ${badgeFor(embed.color, tty)} #${channelName}${ping}  ${unescape(embed.title ?? '')}`,
    `             ${field(0)} · ${field(1)} · ${field(3)} · ${embed.url ?? ''}`,
  ].join('\n');
}

/** Discord mentions as a reader sees them: `<#id>` → `#name`, `<@&id>` → `@role`. */
export type Names = { channels: ReadonlyMap<string, string>; roles: ReadonlyMap<string, string> };

function readable(text: string, names?: Names): string {
  if (!names) return text;
  return text
    .replace(/<#(\d+)>/g, (whole, id: string) =>
      names.channels.has(id) ? `#${names.channels.get(id)}` : whole,
    )
    .replace(/<@&(\d+)>/g, (whole, id: string) =>
      names.roles.has(id) ? `@${names.roles.get(id)}` : whole,
    );
}

/** A command's reply, compactly. */
export function renderReply(label: string, reply: Reply, names?: Names, tty = false): string[] {
  const md = (text: string) => markdownToTerminal(readable(text, names), tty);
  const lines = [`> ${label}${reply.ephemeral ? '  (only you can see this)' : ''}`];
  const message = reply.message ?? {};
  if (message.content) lines.push(`  ${md(String(message.content))}`);
  for (const embed of (message.embeds as EmbedLike[] | undefined) ?? []) {
    if (embed.title) lines.push(`  ${md(embed.title)}`);
    if (embed.description)
      lines.push(
        ...embed.description
          .split('\n')
          .slice(0, 12)
          .map((l) => `    ${md(l)}`),
      );
    for (const f of embed.fields ?? [])
      lines.push(`    ${f.name}: ${md(f.value.replace(/\n/g, ' / '))}`);
    if (embed.footer?.text) lines.push(`    ${md(embed.footer.text)}`);
  }
  return lines;
}
