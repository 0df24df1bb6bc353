/**
 * Discord's publish limit of an announcement channel, as a pure rule: at most `perWindow`
 * publishes in any `windowSeconds`. The next one may go when the oldest publish that fills the
 * window leaves it.
 */
import type { Limits } from '../config/limits.js';

/** Publishes per window per channel (config/limits.json `publish`). */
export type PublishWindow = Limits['publish'];

/** Where the window of publishes counted at `now` begins (ISO): what `publishedSince` is asked. */
export function windowStart(now: Date, window: PublishWindow): string {
  return new Date(now.getTime() - window.windowSeconds * 1000).toISOString();
}

/**
 * When the channel may publish again, given when its publishes since `windowStart` were done
 * (oldest first): `now` while the window has room, else when the publish that fills it expires.
 */
export function nextPublishSlot(
  publishedAt: readonly string[],
  now: Date,
  window: PublishWindow,
): Date {
  if (publishedAt.length < window.perWindow) return now;
  const filling = publishedAt[publishedAt.length - window.perWindow] as string;
  const opens = new Date(new Date(filling).getTime() + window.windowSeconds * 1000);
  return opens > now ? opens : now;
}
