import { describe, expect, it } from 'vitest';
import { validateMessage } from '@jikenbo/discord-emulator';
import { cut, fitReply, quoteInput, summariseList } from '../../../src/discord/fitReply.js';

const len = (s: string | undefined) => [...(s ?? '')].length;

describe('fitReply: every reply fits Discord’s limits', () => {
  it('cuts content to 2,000 code points, ending in …', () => {
    const fitted = fitReply({ content: '事'.repeat(5000) });
    expect(len(fitted.content)).toBe(2000);
    expect(fitted.content?.endsWith('…')).toBe(true);
  });

  it('cuts each embed text to its limit and all embeds to 6,000 together, as Discord checks', () => {
    const huge = (n: number) => 'y'.repeat(n);
    const embed = {
      title: huge(300),
      description: huge(5000),
      footer: { text: huge(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: huge(2000) })),
    };
    const body = fitReply({ content: 'ok', embeds: Array.from({ length: 12 }, () => embed) });
    expect(validateMessage(body as unknown as Record<string, unknown>)).toEqual([]);
    expect(body.embeds?.length).toBeLessThanOrEqual(10);
    expect(len(body.embeds?.[0]?.title)).toBe(256);
  });

  it('leaves a reply that fits as it was', () => {
    const reply = { content: 'short', embeds: [{ title: 't', description: 'd' }] };
    expect(fitReply(reply)).toEqual(reply);
  });

  it('quotes user input on one line, without backticks, cut with …', () => {
    expect(quoteInput('a`b\n\nc', 100)).toBe("a'b c");
    expect(len(quoteInput('z'.repeat(6000), 200))).toBe(200);
    expect(cut('abc', 3)).toBe('abc');
  });

  it('summarises a long list with "…and N more" instead of cutting a word', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`.padEnd(40, 'x'));
    const en = summariseList(words, 'en', 200);
    expect(len(en)).toBeLessThanOrEqual(200);
    expect(en).toMatch(/^word0x+, word1x+, .* …and \d+ more$/);
    expect(summariseList(words, 'ja', 200)).toMatch(/…ほか\d+件$/);
    expect(summariseList(['a', 'b'], 'en', 200)).toBe('a, b');
  });
});
