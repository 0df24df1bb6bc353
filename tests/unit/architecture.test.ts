import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering enforced by lint', () => {
  it.each(['src/feed/x.ts', 'src/classify/x.ts', 'src/alerts/x.ts', 'src/store/x.ts'])(
    'refuses discord.js in %s',
    async (file) => {
      expect(
        await restrictedImportErrors(
          file,
          "import { Client } from 'discord.js';\nexport const c = Client;\n",
        ),
      ).toHaveLength(1);
    },
  );

  it('refuses I/O modules in the classifier', async () => {
    expect(
      await restrictedImportErrors(
        'src/classify/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows discord.js where Discord code lives', async () => {
    expect(
      await restrictedImportErrors(
        'src/discord/x.ts',
        "import { Client } from 'discord.js';\nexport const c = Client;\n",
      ),
    ).toEqual([]);
  });
});
