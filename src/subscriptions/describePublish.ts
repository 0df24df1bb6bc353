/** A subscription's publishing (announcement channels) in words, for /alerts subscribe and list. */
import { t, type Lang } from '../i18n/i18n.js';
import type { GuildSettings, Subscription } from '../store/guildSettings.js';

/** "each alert published to the following servers", or why publishing stopped; null when off. */
export function describePublish(subscription: Subscription, lang: Lang): string | null {
  if (!subscription.publish) return null;
  const problem = subscription.publishProblem;
  if (!problem) return t(lang, 'publish.on');
  return t(lang, 'publish.problem', {
    since: problem.since.slice(0, 16).replace('T', ' '),
    reason: t(lang, `publish.${problem.reason}`),
  });
}

/** The settings with the channel's publishing marked as given up for `reason`, from `at` on. */
export function markPublishProblem(
  settings: GuildSettings,
  channelId: string,
  reason: NonNullable<Subscription['publishProblem']>['reason'],
  at: string,
): GuildSettings {
  return {
    ...settings,
    subscriptions: settings.subscriptions.map((s) =>
      s.channelId === channelId && s.publish && !s.publishProblem
        ? { ...s, publishProblem: { reason, since: at } }
        : s,
    ),
  };
}
