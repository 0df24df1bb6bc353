/** Loads commands/ (one file per command, named after it) and checks each module's shape. */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commandModuleSchema, type CommandModule } from './commandModule.js';

/** commands/ beside src/ (source) or dist/commands beside dist/src (built). */
export function commandsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');
}

export async function loadCommands(dir = commandsDir()): Promise<Map<string, CommandModule>> {
  const files = readdirSync(dir).filter(
    (f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'),
  );
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const imported = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    const parsed = commandModuleSchema.safeParse(imported.default);
    if (!parsed.success) {
      throw new Error(
        `commands/${file}: not a command module (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
      );
    }
    const name = basename(file, extname(file));
    if (parsed.data.data.name !== name)
      throw new Error(
        `commands/${file}: command is named "${parsed.data.data.name}", expected "${name}"`,
      );
    commands.set(name, imported.default as CommandModule);
  }
  return commands;
}
