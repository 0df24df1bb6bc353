/** Slash-command options as the emulator sends them, for tests, the demo and benchmarks. */
import { OptionType, type CommandOption } from './interactions.js';

export const subcommand = (name: string, options: CommandOption[] = []): CommandOption[] => [
  { name, type: OptionType.SubCommand, options },
];
export const str = (name: string, value: string): CommandOption => ({
  name,
  type: OptionType.String,
  value,
});
export const int = (name: string, value: number): CommandOption => ({
  name,
  type: OptionType.Integer,
  value,
});
export const channel = (name: string, id: string): CommandOption => ({
  name,
  type: OptionType.Channel,
  value: id,
});
export const role = (name: string, id: string): CommandOption => ({
  name,
  type: OptionType.Role,
  value: id,
});
