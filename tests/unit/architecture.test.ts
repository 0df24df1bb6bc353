/**
 * The boundaries of the layout, as lint enforces them (eslint.config.js):
 * each rule is shown refusing a forbidden import and allowing a permitted one,
 * and the whole source tree is checked to lint clean of restricted imports.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function restrictedImportErrors(filePath: string, from: string): Promise<string[]> {
  const code = `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: Array<[string, string, string]> = [
  ['src/feed/x.ts', 'discord.js', 'discord.js outside the adapter'],
  ['src/classify/x.ts', 'discord.js', 'discord.js in the classifier'],
  ['src/alerts/x.ts', 'discord.js', 'discord.js in alerts'],
  ['src/store/x.ts', 'discord.js', 'discord.js in the store'],
  ['src/pipeline/x.ts', 'discord.js', 'discord.js in the core'],
  ['src/app/x.ts', 'discord.js', 'discord.js in the composition root'],
  ['src/classify/x.ts', 'node:fs', 'I/O in the classifier'],
  ['src/store/x.ts', '../subscriptions/matchFilter.js', 'store -> subscriptions'],
  ['src/store/x.ts', '../alerts/fanOut.js', 'store -> alerts'],
  ['src/feed/x.ts', '../classify/classifyPost.js', 'feed -> classify'],
  ['src/subscriptions/x.ts', '../alerts/renderAlert.js', 'subscriptions -> alerts'],
  ['src/incidents/x.ts', '../pipeline/index.js', 'incidents -> the core'],
  ['src/alerts/x.ts', '../pipeline/index.js', 'alerts -> the core'],
  ['src/pipeline/x.ts', '../discord/index.js', 'the core -> the adapter'],
  ['src/pipeline/x.ts', '../app/createApp.js', 'the core -> the composition root'],
  ['src/discord/x.ts', '../pipeline/pollTick.js', 'the adapter -> core internals'],
  ['commands/x.ts', '../src/pipeline/createCore.js', 'a command -> core internals'],
  ['src/discord/x.ts', '../app/startBot.js', 'the adapter -> the composition root'],
  ['src/alerts/x.ts', '@jikenbo/discord-emulator', 'product code -> the dev-only emulator'],
  ['src/app/createApp.ts', '@jikenbo/feed-server', 'the app -> the dev-only feed server'],
];

const allowed: Array<[string, string, string]> = [
  ['src/discord/x.ts', 'discord.js', 'discord.js in the adapter'],
  ['commands/x.ts', 'discord.js', 'discord.js in a command file'],
  ['src/discord/x.ts', '../pipeline/index.js', 'the adapter -> the core entry'],
  ['src/alerts/x.ts', '../subscriptions/matchFilter.js', 'alerts -> subscriptions'],
  ['src/subscriptions/x.ts', '../store/guildSettings.js', 'subscriptions -> store'],
  ['src/pipeline/x.ts', '../alerts/deliverAlerts.js', 'the core -> alerts'],
  ['src/app/x.ts', '../discord/index.js', 'the composition root -> the adapter'],
  ['src/app/devStack.ts', '@jikenbo/discord-emulator', 'the dev stack -> the emulator'],
];

describe('layering enforced by lint', () => {
  it.each(forbidden)('refuses in %s an import of %s (%s)', async (file, from) => {
    expect(await restrictedImportErrors(file, from)).toHaveLength(1);
  });

  it.each(allowed)('allows in %s an import of %s (%s)', async (file, from) => {
    expect(await restrictedImportErrors(file, from)).toEqual([]);
  });

  it('finds no restricted import anywhere in the product, commands, tests or benches', async () => {
    const results = await eslint.lintFiles(['src', 'commands', 'bench', 'packages']);
    const violations = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(violations).toEqual([]);
  });
});
