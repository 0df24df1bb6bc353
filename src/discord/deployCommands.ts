/** `jikenbo deploy-commands [--guild ID]`: bulk-overwrites the command set (guild route for development). */
import { REST, Routes } from 'discord.js';
import type { CommandModule } from './commandModule.js';

export async function deployCommands(options: {
  token: string;
  apiUrl: string;
  applicationId: string | null;
  guildId?: string;
  commands: ReadonlyMap<string, CommandModule>;
}): Promise<{ count: number; route: string }> {
  const rest = new REST({ api: options.apiUrl }).setToken(options.token);
  const applicationId =
    options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = [...options.commands.values()].map((c) => c.data);
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { count: result.length, route };
}
