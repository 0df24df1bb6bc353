/** Help texts of the `jikenbo` command and its subcommands. */

/** The commands and what each does; the help text aligns them on the longest entry. */
const COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['poll [--once]', 'poll FEED_URLS (once, or on POLL_SCHEDULE) and print what is new'],
  ['backfill [--max N] [--feed URL]', 'store every past post of the feeds, without alerting'],
  ['classify <file-or-url> [--json]', 'classify every entry of a feed document'],
  ['start', 'run the Discord bot (poller, alerts, slash commands)'],
  ['serve', 'the bot without a gateway: slash commands as signed HTTP POSTs'],
  ['deploy-commands [--guild ID]', 'register the slash commands with Discord'],
  [
    'demo [--fast] [--web] [--fixtures DIR]',
    'run the bot offline against a local Discord emulator',
  ],
  ['export --format csv|jsonl|stix', 'export classified incidents (--since, --until, --out)'],
  ['stats [--days N] [--png FILE]', 'incidents by cause or severity, as text and a PNG chart'],
  ['healthcheck', 'exit 0 when a running `start` is connected (Docker HEALTHCHECK)'],
];

/** Lines of `name  description`, the descriptions in one column two spaces past the longest name. */
export function alignedColumns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return rows.map(([name, what]) => `  ${name.padEnd(width)}${what}`);
}

export const MAIN_USAGE = `Usage: jikenbo <command> [options]

Commands:
${alignedColumns(COMMANDS).join('\n')}

Run 'jikenbo <command> --help' for a command's options.
Configuration comes from the environment (see .env.example) and config/.`;

export const COMMAND_USAGE: Record<string, string> = {
  poll: `Usage: jikenbo poll [--once] [--accept-new-store]

Polls every feed in FEED_URLS: conditional GET, parse, classify, store.
The first poll of a feed stores its entries without alerting.
  --once   run one tick, print what was new, and exit (otherwise poll on POLL_SCHEDULE until Ctrl-C)
  --accept-new-store   take a wiped or replaced store as new (otherwise nothing is polled on it)`,
  backfill: `Usage: jikenbo backfill [--max N] [--feed URL] [--accept-new-store]

Walks the feeds' pages (Blogger start-index/max-results, rel="next") and stores
every post with its classification, so lookups have history. Alerts nothing.
  --max N      stop after N entries per feed (says so and exits 1 when entries were left)
  --feed URL   backfill this feed instead of FEED_URLS
  --accept-new-store   take a wiped or replaced store as new`,
  classify: `Usage: jikenbo classify <file-or-url> [--json]

Reads a feed (a file path or an http(s) URL), classifies every entry and prints
a table, or with --json one JSON array (one object per entry, in feed order).`,
  start: `Usage: jikenbo start [--accept-new-store]

Logs in to Discord with DISCORD_TOKEN, polls the feeds, delivers alerts and
answers slash commands. Stops cleanly on SIGINT/SIGTERM. On a wiped or replaced store
it does not poll (commands still answer; /feed status says why) unless --accept-new-store
or ACCEPT_NEW_STORE=true.`,
  serve: `Usage: jikenbo serve

Answers slash commands sent by Discord as HTTP POSTs to http://<host>:SERVE_PORT/interactions
(set it as the application's Interactions Endpoint URL), each checked against
DISCORD_PUBLIC_KEY; polls the feeds and delivers alerts over REST with DISCORD_TOKEN.
No gateway connection. Stops cleanly on SIGINT/SIGTERM.`,
  'deploy-commands': `Usage: jikenbo deploy-commands [--guild ID]

Registers the slash commands (bulk overwrite): on one server with --guild, globally otherwise.`,
  demo: `Usage: jikenbo demo [--fast] [--web] [--fixtures DIR]

Runs the real bot against a local Discord emulator and a local feed server. No token, no network.
  --fast   publish without pauses
  --web    show the local Discord in a browser page on 127.0.0.1 (URL printed), until Ctrl-C
  --fixtures DIR   publish the *.atom.xml feeds of DIR (default: the project's demo blog of
                   fictional posts, packages/demo-blog/feeds)
Needs the development install (the emulator and the feed server are dev-only packages).`,
  healthcheck: `Usage: jikenbo healthcheck

Exits 0 when \`jikenbo start\` on this machine touched its heartbeat file in the
last 90 s (it does so every 30 s while connected to the gateway), 1 otherwise.`,
};
