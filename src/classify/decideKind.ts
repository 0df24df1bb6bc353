/** Kind: incident, incident_update, threat_intel, regulatory or off_topic, with the rule that decided. */
import type { Reason } from './classification.js';
import { countMatches, matchedWords, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import type { Kind } from './vocabulary.js';

export interface KindDecision {
  kind: Kind;
  reason: Reason;
}

function decided(kind: Kind, rule: string, evidence: string[]): KindDecision {
  return { kind, reason: { label: 'kind', value: kind, rule, evidence } };
}

/** A later report on an incident already disclosed: the title says so, or the lead cites the earlier notice. */
function updateEvidence(
  post: PreparedPost,
  rules: ClassifierRules,
): { rule: string; words: string[] } | null {
  for (const pattern of rules.kind.updateTitle) {
    const words = matchedWords(pattern.re, post.title, 1);
    if (words.length > 0) return { rule: `kind.update.title.${pattern.id}`, words };
  }
  for (const pattern of rules.kind.updateLead) {
    const words = matchedWords(pattern.re, post.lead, 1);
    if (words.length > 0) return { rule: `kind.update.lead.${pattern.id}`, words };
  }
  return null;
}

/** Whether a title's first word is an organisation's name (株式会社…, …市, …大学…). */
function startsWithOrganisation(token: string, rules: ClassifierRules): boolean {
  const { orgSuffixes, orgEndings } = rules.facts;
  return (
    token.length > 0 &&
    token.length <= 40 &&
    (orgSuffixes.test(token) || new RegExp(`${orgEndings.source}$`).test(token))
  );
}

export function decideKind(post: PreparedPost, rules: ClassifierRules): KindDecision {
  const k = rules.kind;
  for (const pattern of k.regulatoryTitle) {
    const words = matchedWords(pattern.re, post.title, 1);
    if (words.length > 0) return decided('regulatory', `kind.regulatory.${pattern.id}`, words);
  }
  const seriesTag = matchedWords(k.seriesTag, post.title, 1);
  const incidentWords = matchedWords(k.incidentTitle, post.title, 2);
  if (seriesTag.length === 0 && incidentWords.length === 0) {
    // Counting security words over the whole text is the costly part; only untagged posts need it.
    const securityHits =
      countMatches(k.security, post.title) * 3 +
      countMatches(k.security, post.text, k.offTopicMaxSecurityHits + 1);
    if (securityHits <= k.offTopicMaxSecurityHits) {
      return decided('off_topic', 'kind.off-topic.no-security-vocabulary', [
        `${securityHits} security word(s)`,
      ]);
    }
  }
  const update = updateEvidence(post, rules);
  if (seriesTag.length > 0) {
    return update
      ? decided('incident_update', update.rule, [...seriesTag, ...update.words])
      : decided('incident', 'kind.incident.series-tag', seriesTag);
  }
  // A notice that the organisation is impersonated, or one named victim of a leak-site claim, is an incident.
  const impersonated = matchedWords(k.impersonation, post.title, 1);
  if (impersonated.length > 0)
    return decided('incident', 'kind.incident.impersonation-notice', impersonated);
  const claim = matchedWords(k.leakClaim, post.title, 1);
  const firstToken =
    post.title
      .replace(/【[^】]*】/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  if (claim.length > 0 && startsWithOrganisation(firstToken, rules)) {
    return decided('incident', 'kind.incident.named-victim-of-leak-claim', [...claim, firstToken]);
  }
  const threatWords = matchedWords(k.threatIntelTitle, post.title, 2);
  if (threatWords.length > 0)
    return decided('threat_intel', 'kind.threat-intel.title', threatWords);
  if (incidentWords.length > 0) {
    return update
      ? decided('incident_update', update.rule, update.words)
      : decided('incident', 'kind.incident.title-words', incidentWords);
  }
  return decided(
    'threat_intel',
    'kind.threat-intel.security-without-victim',
    matchedWords(k.security, post.text, 2),
  );
}
