import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityRank } from '../../src/classify/vocabulary.js';
import { renderIncidentEmbed } from '../../src/alerts/renderAlert.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { channel, str, subcommand } from '@jikenbo/discord-emulator';
import { makeAtomEntry, type FixtureEntry } from '@jikenbo/feed-server';
import { startStack, subscribeDemoChannels, type Stack } from './stack.js';

type Embed = {
  title: string;
  url?: string;
  color: number;
  fields: Array<{ name: string; value: string }>;
};

/** A ransomware incident of our own writing at `org`: a candidate for the #soc cause filter. */
function ransomwareAt(id: string, org: string): FixtureEntry {
  const published = '2024-12-01T00:00:00Z';
  const title = `【セキュリティ事件簿#2024-901】${org}\u3000ランサムウェア被害`;
  const html = `<p>${org}は、ランサムウェアによるサイバー攻撃を受け、サーバーのデータが暗号化されたと発表しました。患者および顧客の個人情報約3,000件が流出した可能性があります。</p>`;
  return { id, published, xml: makeAtomEntry({ id, title, html, published }) };
}

describe('alerts end to end', () => {
  let stack: Stack;
  // Two ransomware incidents that differ only in the excluded word 病院.
  const atHospital = ransomwareAt('tag:own-ransomware-hospital', '市立さくら病院');
  const atLogistics = ransomwareAt('tag:own-ransomware-logistics', '株式会社さくら物流');
  const newEntries = [atHospital, atLogistics, ...FIXTURE_ENTRIES.slice(0, 25)];

  beforeAll(async () => {
    stack = await startStack({ entries: FIXTURE_ENTRIES.slice(25, 60) });
    const id = (name: string) => stack.demo.channel(name);
    await subscribeDemoChannels(stack, [str('mention_min_severity', 'critical')]);
    await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', id('soc')),
        str('min_severity', 'info'),
        str('causes', 'ransomware, web_skimming'),
        str('exclude', '病院'),
      ]),
    );
    await stack.bot.pollOnce();
    stack.feed.publish(...[...newEntries].reverse());
    await stack.bot.pollOnce();
    await stack.bot.deliverer.idle();
  });
  afterAll(() => stack.stop());

  // Fixture links are synthetic and not unique; the rendered title is.
  const postsByTitle = async () =>
    new Map((await newPosts()).map((r) => [renderIncidentEmbed(r, 'en').title, r]));

  const newPosts = async () => {
    const ids = new Set(newEntries.map((e) => e.id));
    return (await stack.stores.posts.all()).filter((r) => ids.has(r.post.id));
  };

  it('alerts each new incident at low or above once, with a linked, coloured embed', async () => {
    const expected = (await newPosts()).filter(
      (r) =>
        ['incident', 'incident_update'].includes(r.classification.kind) &&
        r.classification.severity !== 'info',
    );
    const messages = stack.emulator.messages(stack.demo.channel('incident-alerts'));
    expect(messages).toHaveLength(expected.length);
    const titles = messages.map((m) => (m.embeds as Embed[])[0]?.title).sort();
    expect(titles).toEqual(expected.map((r) => renderIncidentEmbed(r, 'en').title).sort());
    const first = (messages[0]?.embeds as Embed[])[0] as Embed;
    expect(first.fields.map((f) => f.name)).toEqual([
      'Organisation',
      'Cause',
      'Severity',
      'People affected',
      'Data types',
      'Disclosed',
      'Incident id',
    ]);
  });

  it('sends only critical incidents to #critical, in Japanese, pinging the role only there', async () => {
    const critical = (await newPosts()).filter(
      (r) => r.classification.severity === 'critical' && r.classification.kind !== 'off_topic',
    );
    const messages = stack.emulator.messages(stack.demo.channel('critical'));
    expect(messages).toHaveLength(critical.length);
    expect(critical.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.allowed_mentions).toEqual({ parse: [], roles: [stack.demo.role('Security Team')] });
      expect(m.content).toBe(`<@&${stack.demo.role('Security Team')}>`);
      expect((m.embeds as Embed[])[0]?.fields.map((f) => f.name)).toContain('影響人数');
    }
    for (const m of stack.emulator.messages(stack.demo.channel('incident-alerts')))
      expect(m.allowed_mentions).toEqual({ parse: [], roles: [] });
  });

  it('filters by cause and excluded words', async () => {
    const titleOf = async (entry: FixtureEntry) => {
      const record = await stack.stores.posts.get(entry.id);
      return renderIncidentEmbed(record!, 'en').title;
    };
    const titlesIn = (name: string) =>
      stack.emulator.messages(stack.demo.channel(name)).map((m) => (m.embeds as Embed[])[0]?.title);
    // Both ransomware posts are candidates (#incident-alerts, without filters, got both) ...
    expect(titlesIn('incident-alerts')).toEqual(
      expect.arrayContaining([await titleOf(atHospital), await titleOf(atLogistics)]),
    );
    // ... and #soc got the one without the excluded word only.
    expect(titlesIn('soc')).toContain(await titleOf(atLogistics));
    expect(titlesIn('soc')).not.toContain(await titleOf(atHospital));
    const byTitle = await postsByTitle();
    for (const m of stack.emulator.messages(stack.demo.channel('soc'))) {
      const record = byTitle.get((m.embeds as Embed[])[0]?.title ?? '');
      expect(['ransomware', 'web_skimming']).toContain(record?.classification.cause);
      expect(`${record?.post.title}${record?.post.text}`).not.toContain('病院');
    }
  });

  it('previews a filter: passed or blocked, and why', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('preview', [channel('channel', stack.demo.channel('critical'))]),
    );
    const embed = (reply.message?.embeds as Array<{ title: string; description: string }>)[0];
    expect(embed?.title).toMatch(
      /^Preview for #critical: \d+ of 20 recent incidents would be alerted$/,
    );
    expect(embed?.description).toMatch(
      /⛔ .* — blocked: severity (High|Medium|Low|Info) is below Critical/,
    );
    expect(embed?.description).toMatch(/✅ .* — passed/);
  });

  it('lists subscriptions with their filters and health', async () => {
    const reply = await stack.command('admin', 'general', 'alerts', subcommand('list'));
    const text = (reply.message?.embeds as Array<{ description: string }>)[0]?.description ?? '';
    expect(text).toContain(
      `<#${stack.demo.channel('soc')}> — severity Info or higher; kinds: Incident, Update; causes: Ransomware, Payment page tampering (card skimming); excluding 病院`,
    );
    expect(text.match(/healthy/g)).toHaveLength(3);
  });

  it('refuses /alerts to members without Manage Server, in their language', async () => {
    const en = await stack.command('analyst', 'general', 'alerts', subcommand('list'));
    expect(en).toMatchObject({ ephemeral: true });
    expect(en.message?.content).toBe('You need the Manage Server permission for this command.');
    const jaReply = await stack.command('analyst', 'general', 'alerts', subcommand('list'), 'ja');
    expect(jaReply.message?.content).toBe('このコマンドには「サーバー管理」権限が必要です。');
  });

  it.each([
    [
      'an unknown cause id',
      [channel('channel', 'incident-alerts'), str('causes', 'ransomware, aliens')],
      /Unknown causes: aliens\. Use any of: ransomware, malware/,
    ],
    [
      'an empty keyword list',
      [channel('channel', 'incident-alerts'), str('keywords', ' , ')],
      /keywords is empty/,
    ],
    [
      'an over-long keyword list',
      [
        channel('channel', 'incident-alerts'),
        str('keywords', Array.from({ length: 21 }, (_, i) => `w${i}`).join(',')),
      ],
      /keywords is too long: at most 20 words/,
    ],
    ['a voice channel', [channel('channel', 'voice')], /is not a text channel/],
    ['a category', [channel('channel', 'Reports')], /is not a text channel/],
    [
      'a channel the bot cannot see',
      [channel('channel', 'locked')],
      /I cannot post in .*: missing View Channel/,
    ],
    ['a channel without Embed Links', [channel('channel', 'no-embeds')], /missing Embed Links/],
  ])('answers %s with what was wrong and keeps the settings', async (_what, options, message) => {
    const before = await stack.stores.guilds.get(stack.demo.guild.id);
    const resolved = options.map((o) =>
      o.type === 7 ? { ...o, value: stack.demo.channel(String(o.value)) } : o,
    );
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', resolved),
    );
    expect(reply.ephemeral).toBe(true);
    expect(String(reply.message?.content)).toMatch(message);
    expect(await stack.stores.guilds.get(stack.demo.guild.id)).toEqual(before);
  });

  it('posts a sample alert with /alerts test', async () => {
    const before = stack.emulator.messages(stack.demo.channel('announcements')).length;
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('test', [channel('channel', stack.demo.channel('announcements'))]),
    );
    expect(reply.message?.content).toContain('Posted a sample alert');
    expect(stack.emulator.messages(stack.demo.channel('announcements'))).toHaveLength(before + 1);
  });

  it('answers commands used in a direct message with a guild-only message', async () => {
    const reply = await stack.emulator.runDmCommand(stack.demo.user('analyst'), 'help', [], 'ja');
    expect(reply.message?.content).toBe('このコマンドはサーバー内でのみ使えます。');
  });

  it('unsubscribes a channel', async () => {
    const reply = await stack.command(
      'admin',
      'general',
      'alerts',
      subcommand('unsubscribe', [channel('channel', stack.demo.channel('soc'))]),
    );
    expect(reply.message?.content).toContain('no longer receives alerts');
    const settings = await stack.stores.guilds.get(stack.demo.guild.id);
    expect(settings?.subscriptions.map((s) => s.channelId)).not.toContain(
      stack.demo.channel('soc'),
    );
  });

  it('never sends a severity below a subscription\u2019s minimum', async () => {
    const byTitle = await postsByTitle();
    // The #critical filter must have had something to block, or this proves nothing.
    const blocked = [...byTitle.values()].filter(
      (r) =>
        ['incident', 'incident_update'].includes(r.classification.kind) &&
        r.classification.severity !== 'critical',
    );
    expect(blocked.length).toBeGreaterThan(0);
    const messages = stack.emulator.messages(stack.demo.channel('critical'));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const title = (m.embeds as Embed[])[0]?.title ?? '';
      const severity = byTitle.get(title)?.classification.severity;
      expect(severity, `alert for ${title}`).toBeDefined();
      expect(severityRank(severity ?? 'info'), `${title} is ${severity}`).toBeGreaterThanOrEqual(
        severityRank('critical'),
      );
    }
  });
});
