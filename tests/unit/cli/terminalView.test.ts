import { describe, expect, it } from 'vitest';
import { markdownToTerminal, renderReply } from '../../../src/cli/terminalView.js';

describe('the demo’s terminal view', () => {
  it('shows Discord Markdown as text: bold, links with their address, no escapes', () => {
    const line =
      '**[Low]** #2024-067 [株式会社テスト](https://blog.example.test/1.html) — Loss / theft \\*';
    expect(markdownToTerminal(line, false)).toBe(
      '[Low] #2024-067 株式会社テスト <https://blog.example.test/1.html> — Loss / theft *',
    );
    expect(markdownToTerminal('**緊急**', true)).toBe('\x1b[1m緊急\x1b[22m');
  });

  it('prints a reply’s lines and footer without raw Markdown', () => {
    const lines = renderReply('analyst: /incident latest', {
      type: 4,
      ephemeral: false,
      choices: [],
      message: {
        embeds: [
          {
            title: 'Latest incidents',
            description: '**[High]** #2024-001 [組織](https://x.example/a) — Ransomware',
            footer: { text: '“ランサムウェア” in the post ×3 → Ransomware' },
          },
        ],
      },
    });
    expect(lines).toEqual([
      '> analyst: /incident latest',
      '  Latest incidents',
      '    [High] #2024-001 組織 <https://x.example/a> — Ransomware',
      '    “ランサムウェア” in the post ×3 → Ransomware',
    ]);
  });
});
