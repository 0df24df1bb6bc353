import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int, subcommand } from '@jikenbo/discord-emulator';
import { startStack, type Stack } from './stack.js';

describe('the interaction router', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('defers a slow command before Discord\u2019s 3 s deadline and then edits in the answer', async () => {
    const archive = stack.stores.archive;
    const latest = archive.latest.bind(archive);
    let slowed: Promise<unknown> | null = null;
    archive.latest = async (query) => {
      // The first read waits until the router has deferred, as a slow store would.
      slowed ??= stack.emulator.until(
        () => [...stack.emulator.interactions.values()].some((i) => i.callbacks[0]?.type === 5),
        'a deferred reply',
      );
      await slowed;
      return latest(query);
    };
    try {
      const reply = await stack.command(
        'analyst',
        'general',
        'incident',
        subcommand('latest', [int('count', 3)]),
      );
      expect(reply.type).toBe(5);
      expect((reply.message?.embeds as Array<{ title: string }>)[0]?.title).toBe(
        'Latest incidents',
      );
    } finally {
      archive.latest = latest;
    }
  });

  it('answers an unexpected failure with an ephemeral message and a reference id', async () => {
    const archive = stack.stores.archive;
    const latest = archive.latest.bind(archive);
    archive.latest = async () => {
      throw new Error('store unavailable');
    };
    try {
      const reply = await stack.command(
        'analyst',
        'general',
        'incident',
        subcommand('latest'),
        'ja',
      );
      expect(reply.ephemeral).toBe(true);
      expect(reply.message?.content).toMatch(/^内部エラーが発生しました。参照番号: [0-9a-f]{8}$/);
    } finally {
      archive.latest = latest;
    }
  });
});
