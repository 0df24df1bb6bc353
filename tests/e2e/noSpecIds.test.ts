/**
 * Words, not ids: every alert and reply the bot makes for the demo blog's posts, in
 * English and Japanese, is scanned for the spec's ids (snake_case labels, rule and
 * pattern ids, feed results, lowercase label ids in Japanese text). Only
 * `/incident show … explain:true` may show rule ids, and it is checked to do so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OptionType,
  channel,
  int,
  str,
  subcommand,
  type CommandOption,
  type Reply,
} from '@jikenbo/discord-emulator';
import { entriesOfAtom } from '@jikenbo/feed-server';
import { CAUSES, DATA_TYPES, KINDS, SEVERITIES } from '../../src/classify/vocabulary.js';
import { DEMO_FEEDS_DIR } from '../fixtures/demoBlogFiles.js';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

const DEMO_ENTRIES = entriesOfAtom(
  readFileSync(join(DEMO_FEEDS_DIR, 'demo-blog.atom.xml'), 'utf8'),
);

const bool = (name: string, value: boolean): CommandOption => ({
  name,
  value,
  type: OptionType.Boolean,
});

type Payload = Record<string, unknown> | null | undefined;
type Embed = {
  title?: string;
  description?: string;
  author?: { name: string };
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
};

/** Every string a person sees in a message: content and every embed part. */
function visibleText(message: Payload): string[] {
  if (!message) return [];
  const embeds = (message.embeds ?? []) as Embed[];
  const buttons = ((message.components ?? []) as Array<{ components: Array<{ label?: string }> }>)
    .flatMap((row) => row.components)
    .map((b) => b.label ?? '');
  return [
    ...buttons,
    String(message.content ?? ''),
    ...embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.author?.name ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].filter((s) => s.length > 0);
}

const SNAKE_IDS = [...KINDS, ...CAUSES, ...DATA_TYPES].filter((id) => id.includes('_'));
const BARE_IDS = [...KINDS, ...CAUSES, ...DATA_TYPES, ...SEVERITIES];
const RULE_ID =
  /\b(?:kind|cause|severity|facts|affected|dataTypes|organization|secondaryCause)\.[a-z][\w-]*(?:\.[\w-]+)*/;
const FEED_RESULT_IDS = /\b(?:no-new-posts|not-modified|new-posts)\b/;

/** The ids found in `text` (links, mentions, timestamps and command names removed first). */
export function specIdsIn(text: string, lang: 'en' | 'ja'): string[] {
  const plain = text
    .replace(/https?:\/\/[^\s)>]+/g, ' ')
    .replace(/<(?:#|@&?|t:)[^>]+>/g, ' ')
    .replace(/#[a-z][\w-]*/g, ' ')
    .replace(/\/(?:alerts|incident|feed|help)(?: [a-z]+)?/g, ' ');
  const found: string[] = [];
  for (const id of SNAKE_IDS) if (plain.includes(id)) found.push(id);
  const rule = RULE_ID.exec(plain)?.[0];
  if (rule) found.push(rule);
  const result = FEED_RESULT_IDS.exec(plain)?.[0];
  if (result) found.push(result);
  const severityWord = /\bseverity (?:≥ )?(?:critical|high|medium|low|info)\b/.exec(plain)?.[0];
  if (severityWord) found.push(severityWord);
  if (lang === 'ja')
    for (const id of BARE_IDS)
      if (new RegExp(`(?<![A-Za-z])${id}(?![A-Za-z])`).test(plain)) found.push(id);
  return found;
}

describe('every payload a person reads is in words, not ids', () => {
  let stack: Stack;
  /** What was rendered, with a name saying where it came from and the reader's language. */
  const seen: Array<{ where: string; lang: 'en' | 'ja'; text: string }> = [];
  const record = (where: string, lang: 'en' | 'ja', message: Payload) => {
    for (const text of visibleText(message)) seen.push({ where, lang, text });
  };

  beforeAll(async () => {
    stack = await startStack();
    const id = (name: string) => stack.demo.channel(name);
    await subscribeDemoChannels(stack);
    // #soc gets every security kind at every severity, in Japanese: each post is rendered once in ja.
    const soc = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', id('soc')),
        str('min_severity', 'info'),
        str('kinds', KINDS.filter((k) => k !== 'off_topic').join(',')),
        str('causes', 'ransomware,web_skimming,unauthorized_access'),
        str('keywords', 'VPN, 情報'),
      ]),
      'ja',
    );
    record('/alerts subscribe (ja)', 'ja', soc.message);
    await stack.bot.pollOnce();
    stack.feed.publish(...[...DEMO_ENTRIES].reverse());
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
    for (const [name, lang] of [
      ['incident-alerts', 'en'],
      ['critical', 'ja'],
      ['soc', 'ja'],
    ] as const)
      for (const m of stack.emulator.messages(id(name))) record(`alert in #${name}`, lang, m);

    const ids = (await stack.stores.posts.all())
      .map((r) => r.classification.incidentId)
      .filter((x): x is string => x !== null);
    for (const [locale, lang] of [
      ['en-US', 'en'],
      ['ja', 'ja'],
    ] as const) {
      const run = async (
        where: string,
        user: string,
        name: string,
        options: Parameters<Stack['command']>[3],
      ) => {
        const reply: Reply = await stack.command(user, 'general', name, options, locale);
        record(`${where} (${lang})`, lang, reply.message);
      };
      await run(
        '/incident latest',
        'analyst',
        'incident',
        subcommand('latest', [int('count', 10)]),
      );
      await run(
        '/incident search',
        'analyst',
        'incident',
        subcommand('search', [str('query', '株式会社')]),
      );
      for (const incidentId of ids)
        await run(
          `/incident show ${incidentId}`,
          'analyst',
          'incident',
          subcommand('show', [str('id', incidentId)]),
        );
      await run('/incident stats', 'analyst', 'incident', subcommand('stats', [int('days', 3650)]));
      await run('/alerts list', 'admin', 'alerts', subcommand('list'));
      for (const name of ['incident-alerts', 'critical', 'soc'])
        await run(
          `/alerts preview #${name}`,
          'admin',
          'alerts',
          subcommand('preview', [channel('channel', id(name))]),
        );
      await run(
        '/alerts subscribe (update)',
        'admin',
        'alerts',
        subcommand('subscribe', [
          channel('channel', id('incident-alerts')),
          str('min_severity', 'low'),
          str('kinds', 'incident,incident_update'),
          str('exclude', 'テスト'),
        ]),
      );
      await run(
        '/alerts test',
        'admin',
        'alerts',
        subcommand('test', [channel('channel', id('general'))]),
      );
      await run('/feed status', 'admin', 'feed', subcommand('status'));
      await run(
        '/feed notify',
        'admin',
        'feed',
        subcommand('notify', [channel('channel', id('soc'))]),
      );
      await run(
        '/incident export',
        'admin',
        'incident',
        subcommand('export', [str('format', 'stix')]),
      );
      await run('/help', 'analyst', 'help', []);
    }
    for (const m of stack.emulator.messages(id('general'))) record('sample alert', 'en', m);
  }, 90_000); // about 40 commands and every alert of the demo blog: generous on a loaded machine
  afterAll(() => stack.stop());

  it('renders alerts and replies of every kind in both languages', () => {
    const places = new Set(seen.map((s) => s.where.replace(/ \((en|ja)\)$/, '')));
    expect(seen.filter((s) => s.where.startsWith('alert in')).length).toBeGreaterThan(10);
    for (const where of [
      'alert in #incident-alerts',
      'alert in #critical',
      'alert in #soc',
      '/incident latest',
      '/incident search',
      '/incident stats',
      '/alerts list',
      '/alerts preview #soc',
      '/alerts subscribe',
      '/alerts test',
      '/feed status',
      '/feed notify',
      '/incident export',
      '/help',
    ])
      expect(places).toContain(where);
  });

  it('answers every command without an error', () => {
    const errors = seen.filter((s) => /Something went wrong|内部エラー/.test(s.text));
    expect(errors.map((e) => e.where)).toEqual([]);
  });

  it('shows no spec id, rule id or feed result id in any visible text', () => {
    const offending = seen
      .map((s) => ({ ...s, ids: specIdsIn(s.text, s.lang) }))
      .filter((s) => s.ids.length > 0)
      .map((s) => `${s.where}: ${s.ids.join(', ')} in “${s.text.slice(0, 160)}”`);
    expect(offending).toEqual([]);
  });

  it('says why in the footer in the reader’s language, one sentence per label', () => {
    // An update alert's description (**続報: …**) shows changed facts with arrows too: not a footer.
    const footers = seen.filter(
      (s) => s.where.startsWith('alert in') && s.text.includes('→') && !s.text.startsWith('**'),
    );
    expect(footers.length).toBeGreaterThan(10);
    for (const f of footers.filter((x) => x.lang === 'ja'))
      expect(f.text).toMatch(/(タイトル|本文)の「.+」.* → /);
  });

  it('lists the rule ids only when asked with explain:true', async () => {
    const first = (await stack.stores.posts.all()).find((r) => r.classification.incidentId);
    const reply = await stack.command(
      'analyst',
      'general',
      'incident',
      subcommand('show', [str('id', first!.classification.incidentId!), bool('explain', true)]),
      'ja',
    );
    const text = visibleText(reply.message).join('\n');
    expect(specIdsIn(text, 'ja').length).toBeGreaterThan(0);
    expect(text).toMatch(/kind: kind\.[a-z-]+/);
  });

  it('answers the alert’s details button, to the presser only, with the rule ids', async () => {
    const alert = stack.emulator.messages(stack.demo.channel('soc'))[0]!;
    const button = (
      alert.components as Array<{ components: Array<{ custom_id: string; label: string }> }>
    )[0]!.components[0]!;
    expect(button.label).toBe('詳細');
    const reply = await stack.emulator.component(
      {
        guildId: stack.demo.guild.id,
        channelId: stack.demo.channel('soc'),
        userId: stack.demo.user('analyst'),
        locale: 'ja',
      },
      button.custom_id,
      alert as unknown as Record<string, unknown>,
    );
    expect(reply.ephemeral).toBe(true);
    const text = visibleText(reply.message).join('\n');
    expect(text).toContain('判定したルール');
    expect(text).toMatch(/kind: kind\.[a-z-]+/);
  });

  it('finds the ids the old renderers showed (the scanner can fail)', () => {
    expect(specIdsIn('name, email, credit_card', 'ja')).toEqual(
      expect.arrayContaining(['credit_card', 'name', 'email']),
    );
    expect(specIdsIn('重大度 critical 以上、種別 incident, incident_update', 'ja')).toEqual(
      expect.arrayContaining(['incident_update', 'critical', 'incident']),
    );
    expect(specIdsIn('kind=incident (kind.incident.series-tag: x)', 'en')).toContain(
      'kind.incident.series-tag',
    );
    expect(specIdsIn('last poll (no-new-posts)', 'en')).toContain('no-new-posts');
    expect(specIdsIn('severity ≥ low', 'en')).toContain('severity ≥ low');
    expect(specIdsIn('severity Low or higher', 'en')).toEqual([]);
    expect(specIdsIn('severity low < medium', 'en')).toContain('severity low');
    expect(specIdsIn('See https://x.example/web_skimming and <#123>', 'en')).toEqual([]);
  });
});
