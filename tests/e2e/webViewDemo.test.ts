/** `jikenbo demo --fast --web`: the demo prints the web view's URL, serves it, and stays up until Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';

describe('jikenbo demo --fast --web', () => {
  it('prints the view URL, serves the alerts there after the script, and exits 0 on Ctrl-C', async () => {
    const lines: string[] = [];
    let staysUp: (line: string) => void = () => {};
    const waiting = new Promise<string>((resolve) => (staysUp = resolve));
    const run = runCli(
      ['demo', '--fast', '--web'],
      { LOG_LEVEL: 'silent' },
      {
        out: (line) => {
          lines.push(line);
          if (line.includes('stays up')) staysUp(line);
        },
        err: (line) => lines.push(line),
        colour: false,
      },
    );
    const url = /http:\/\/127\.0\.0\.1:\d+\/view/.exec(await waiting)?.[0];
    expect(lines.find((l) => l.startsWith('demo: web view at '))).toContain(url);
    const state = (await (await fetch(`${url}/state`)).json()) as {
      guilds: Array<{ channels: Array<{ id: string; name: string }> }>;
      messages: Record<string, unknown[]>;
    };
    const alertsChannel = state.guilds[0]!.channels.find((c) => c.name === 'incident-alerts')!;
    expect(state.messages[alertsChannel.id]?.length).toBeGreaterThan(0);
    expect((await fetch(url!)).status).toBe(200);
    process.emit('SIGINT');
    await expect(run).resolves.toBe(0);
  }, 120_000);
});
