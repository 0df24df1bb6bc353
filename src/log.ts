/** Structured JSON logs with pino; secrets are redacted by path. */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discord.token',
  'config.discord.token',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
];

/** Creates the root logger; pass `destination` to capture lines in tests. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'jikenbo' } },
    destination,
  );
}

/** A logger that writes nothing, for tests and quiet CLI commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
