/**
 * The deliverer marking a channel broken and /alerts subscribe on the same
 * server at the same moment: both read-modify-write the server's settings,
 * and neither change may be lost. The store is gated so that the interleaving
 * that loses an update is forced, not hoped for: the first settings write
 * (the broken mark) is held until the subscribe has started its own change.
 */
import { channel, str, subcommand } from '@jikenbo/discord-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuildSettingsStore } from '../../src/store/guildSettingsStore.js';
import { FIXTURE_ENTRIES } from '../helpers/pollHarness.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** Holds the next set() until get() or update() is called again; resolves `held` when it waits. */
function holdNextWrite(store: GuildSettingsStore): { held: Promise<void> } {
  let release: (() => void) | null = null;
  let armed = true;
  let markHeld!: () => void;
  const held = new Promise<void>((resolve) => (markHeld = resolve));
  const { get, set, update } = store;
  const letGo = () => {
    release?.();
    release = null;
  };
  store.set = async (settings) => {
    if (armed) {
      armed = false;
      await new Promise<void>((resolve) => {
        release = resolve;
        markHeld();
      });
    }
    return set.call(store, settings);
  };
  store.get = (guildId) => {
    letGo();
    return get.call(store, guildId);
  };
  store.update = (guildId, change) => {
    letGo();
    return update.call(store, guildId, change);
  };
  return { held };
}

describe('guild settings under concurrent changes', () => {
  it('keeps both the broken mark and a subscribe that raced with it', async () => {
    const s = (stack = await startStack({ entries: FIXTURE_ENTRIES.slice(10, 40) }));
    await s.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [
        channel('channel', s.demo.channel('critical')),
        str('min_severity', 'low'),
      ]),
    );
    await s.bot.pollOnce();
    s.emulator.injectFault({
      method: 'POST',
      path: `/channels/${s.demo.channel('critical')}/messages`,
      times: 1,
      fault: { status: 403, code: 50001 },
    });
    // The broken mark is the first settings write from here on.
    const { held } = holdNextWrite(s.stores.guilds);
    s.feed.publish(
      ...FIXTURE_ENTRIES.slice(0, 10)
        .filter((e) => e.xml.includes('セキュリティ事件簿'))
        .slice(0, 1),
    );
    await s.bot.pollOnce();
    await held;
    await s.command(
      'admin',
      'general',
      'alerts',
      subcommand('subscribe', [channel('channel', s.demo.channel('soc'))]),
    );
    await s.bot.deliverer.idle();
    const settings = await s.stores.guilds.get(s.demo.guild.id);
    const byChannel = new Map(settings?.subscriptions.map((sub) => [sub.channelId, sub]));
    expect(byChannel.get(s.demo.channel('critical'))?.health.status).toBe('broken');
    expect(byChannel.has(s.demo.channel('soc'))).toBe(true);
  });
});
