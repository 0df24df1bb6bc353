/**
 * The classifier's rules as data (config/classifier.json): regular
 * expressions, weights, thresholds and the severity table, validated by zod
 * and compiled once. Tuning the classifier means editing that file.
 */
import { z } from 'zod';
import { causeCheckSchema, causeRowProblems, causeRowSchema } from './causeRows.js';
import { decisionRowSchema, factNamesOf } from './decisionRows.js';
import { ORGANIZATION_WAYS } from './organization.js';
import { namedPattern, namedRegex } from './patterns.js';
import {
  CAUSES,
  DATA_TYPES,
  causeSchema,
  dataTypeSchema,
  kindSchema,
  severitySchema,
} from './vocabulary.js';

/** Where in a post a pattern looks. */
export const scopeSchema = z.enum(['title', 'lead', 'head', 'text', 'all']);
export type Scope = z.infer<typeof scopeSchema>;

/** A fact of the kind rows: named patterns, each looking in a part of the post. */
const evidenceGroup = z.object({
  fact: z.string().min(1),
  in: scopeSchema,
  /** Counting stops here: enough to decide, and linear in the post. */
  max: z.number().int().positive().default(10),
  why: z.string().min(1),
  /** Matches denied right after them ("…ではありません") do not count. */
  negatable: z.boolean().default(false),
  /** Reuse another group's patterns in this group's scope (e.g. events in the title only). */
  samePatternsAs: z.string().optional(),
  patterns: z.array(namedPattern.extend({ in: scopeSchema.optional() })).default([]),
});

/** A cause pattern: a named pattern with examples, and the weight a match adds to its cause. */
const weighted = namedPattern.extend({ weight: z.number().positive().max(10) });

const causePatterns = z.object(
  Object.fromEntries(
    CAUSES.filter((c) => c !== 'other').map((c) => [c, z.array(weighted).min(1)]),
  ) as Record<Exclude<(typeof CAUSES)[number], 'other'>, z.ZodArray<typeof weighted>>,
);

const baseRulesSchema = z.object({
  version: z.string().min(1),
  text: z.object({ leadChars: z.number().int().positive() }),
  kind: z.object({
    seriesTag: namedRegex,
    evidence: z.array(evidenceGroup).min(1),
    decisions: z.array(decisionRowSchema(kindSchema)).min(1),
  }),
  causes: causePatterns,
  causeRules: z.object({
    titleMultiplier: z.number().positive(),
    attackCauses: z.array(causeSchema),
    secondaryMinScore: z.number().nonnegative(),
    negatedAfter: namedRegex,
    quoted: namedRegex,
    /** Named patterns the decision rows require or exclude. */
    checks: z.array(causeCheckSchema).default([]),
    /** The spec's tie-breaks, in its order: the first row that holds decides. */
    decisions: z.array(causeRowSchema).min(1),
  }),
  dataTypes: z.object(
    Object.fromEntries(DATA_TYPES.map((d) => [d, namedRegex])) as Record<
      (typeof DATA_TYPES)[number],
      typeof namedRegex
    >,
  ),
  dataContext: z.object({
    leak: namedRegex,
    negation: namedRegex,
    listLineMaxChars: z.number().int().positive(),
    headingLookback: z.number().int().nonnegative(),
    exclude: namedRegex,
    excludeLookback: z.number().int().nonnegative(),
    /** A data list's items that no named type covers: `other` (otherDataItems.ts). */
    otherItems: z.object({
      separator: namedRegex,
      end: namedRegex,
      item: namedRegex,
      filler: namedRegex,
      maxChars: z.number().int().positive(),
    }),
  }),
  counts: z.object({
    strongUnits: z.array(z.string().min(1)).min(1),
    weakUnits: z.array(z.string().min(1)),
    recordUnits: z.array(z.string().min(1)),
    totalPrefix: namedRegex,
    includedAfter: namedRegex,
    /** After a list line's count, the group's items (after a colon, or in brackets to the line's end). */
    itemsAfter: namedRegex,
    /** After a count, words that say it includes another figure (…を含む): no separate group. */
    includesAnother: namedRegex,
    /** A line that refers to a figure above it (上記を含む…): its count is no separate group. */
    refersAbove: namedRegex,
    excludedAfter: namedRegex,
    /** After a count, the figure it was revised to (当初の320人から1,150人に): the earlier one is superseded. */
    revisedFrom: namedRegex,
    partOfBefore: namedRegex,
    relevance: namedRegex,
    recordBefore: namedRegex,
    peopleAfter: namedRegex,
    actorBefore: namedRegex,
    actorAfter: namedRegex,
    postsBefore: namedRegex,
    rowLabel: namedRegex,
    spamContext: namedRegex,
    breakdown: namedRegex,
    groupNouns: namedRegex,
    windowBefore: z.number().int().positive(),
    windowAfter: z.number().int().positive(),
  }),
  severity: z.object({
    people: z
      .array(z.object({ min: z.number().int().positive(), level: severitySchema }))
      .min(1)
      .refine(
        (rows) => rows.every((row, i) => i === 0 || (rows[i - 1] as { min: number }).min > row.min),
        {
          message: 'rows must be ordered by min, largest first',
        },
      ),
    cardsCritical: z.number().int().positive(),
    spamMassCount: z.number().int().positive(),
    sensitiveDataTypes: z.array(dataTypeSchema),
    credentialsNotSensitiveFor: z.array(causeSchema),
    /** Stored passwords said to be encrypted or hashed: not possibly leaked (spec 3). */
    credentialsProtected: namedRegex,
    sensitiveText: namedRegex,
    noLeakConclusion: namedRegex,
    conclusionQualifier: namedRegex,
    provisional: namedRegex,
    positiveLeak: namedRegex,
    encryptedData: namedRegex,
    /** Another part of what was lost that the post says was not protected (紙の書類…). */
    unprotectedPart: namedRegex,
    encryptionAppliesTo: z.array(causeSchema),
    personalDataLeak: namedRegex,
    internalIntrusion: namedRegex,
    cardContext: namedRegex,
    takeoverNotice: namedRegex,
    websiteOnly: namedRegex,
    outage: namedRegex,
    ransomwareOutage: namedRegex,
    outageNegated: namedRegex,
    precaution: namedRegex,
    /** A contrast (…ましたが、) after which a precaution no longer governs the stop it reports. */
    precautionEnds: namedRegex,
    degraded: namedRegex,
    spamSent: namedRegex,
    spamMass: namedRegex,
    noticeCauses: z.array(causeSchema),
    /** Causes under which mail sent from the organisation's account, server or form is spam it sent. */
    spamSenderCauses: z.array(causeSchema),
    /**
     * Causes whose notices (an impersonation warning, a re-registered domain) count as a leak of
     * personal data only where they name data or a leak: a bare count (偽サイト2件, 問い合わせ11件)
     * is no one's data taken.
     */
    countAloneNoLeakFor: z.array(causeSchema),
  }),
  facts: z.object({
    titleDate: namedRegex,
    titleDateExcluded: namedRegex,
    titleDateExcludedAfter: namedRegex,
    orgSuffixes: namedRegex,
    orgEndings: namedRegex,
    regulatoryTarget: namedRegex,
    /** The ways to find the organisation, tried in this order (see organization.ts). */
    organizationOrder: z.array(z.enum(ORGANIZATION_WAYS)).min(1),
    /** The ways a regulator's post is read: the organisation acted upon, never the regulator. */
    regulatoryOrganizationOrder: z.array(z.enum(ORGANIZATION_WAYS)).min(1),
    /** 株式会社サンプル(以下「当社」): the name a notice gives itself. */
    beforeVoice: namedRegex,
    /** The voice, then the name in brackets (当社(株式会社サンプル)の…): the name a notice gives itself. */
    voiceThenName: namedRegex,
    /** A name the post shortens on first use (つぐみ生活協同組合(以下「つぐみ生協」)). */
    beforeAbbreviation: namedRegex,
    /** A legal name spelt out in a news lead (株式会社…を退職, …会社…株式会社の). */
    legalNameInLead: namedRegex,
    /** A sentence of its own naming the operator (…株式会社が運営しております, 運営会社：…). */
    operatorStatement: namedRegex,
    /** The notice's own first-person word for itself (当社, 弊社, 当法人…). */
    selfReference: namedRegex,
    /** The subject of a news lead's first sentence: …を運営する株式会社サンプル(東京都)は… */
    leadSubject: namedRegex,
    /** What follows a headline's name where the lead makes it the subject: は + date, or 」(所在地)が. */
    newsSubjectAfter: namedRegex,
    /** A date that opens a notice's heading or signature line, before the name (2026年5月1日 株式会社サンプル). */
    lineDate: namedRegex,
    /** A signature's word that names who signs (課, 校長, 代表取締役): it and what follows are not the name. */
    signingOffice: namedRegex,
    /** A headline's trade before a name (ゲーム開発の, 家具会社): tried off when the name alone is the lead's subject. */
    industryBeforeName: namedRegex,
    /** 「<service>」を運営する<operator>(所在地)は…: the operator a lead names for a service. */
    serviceOperator: namedRegex,
    /** What follows a name that opens a title (における, の, が…): サンプル高等学校における… */
    openingNameAfter: namedRegex,
    /** A kind of organisation, not a name (県立高校, 大手銀行): never taken for the victim's name. */
    genericOrganisation: namedRegex,
    /** The notice's own voice (本市, 当社, 弊社…): the writer, never taken for a name. */
    voiceName: namedRegex,
    /** Whom a heading line addresses after the name (株式会社サンプル お客様各位): not the name. */
    addressee: namedRegex,
    /** A form's label before a name on its line (会社名, 法人名：). */
    nameLabel: namedRegex,
    /** A line opening with the organisation that speaks or whose readers it addresses (…より、お知らせいたします). */
    speakerLine: namedRegex,
    /** What follows a name that is its staff or one of its units, not part of it (…協会の職員が, …工業の米子会社). */
    staffAfterName: namedRegex,
    /** What a heading or signature line that is only a name never holds (。, 各位, について…). */
    notANameLine: namedRegex,
    /** Kana after a verb or の that open a lead's subject (…を受託するけやき計算センターは: けやき). */
    kanaBeforeName: namedRegex,
    /** A company's seat in brackets after its name in a news lead (サンプル(大阪市)は…). */
    seatInBrackets: namedRegex,
    nameAsNoun: namedRegex,
    /** What a heading line that opens with the name then announces (…の盗難について). */
    headingTopic: namedRegex,
    /** A title's name that is a shop or service, not its operator (…公式オンラインストア). */
    shopName: namedRegex,
    /** A news lead's subject followed by the day it announced (…は7日、). */
    datedSubject: namedRegex,
    /** Who tells of an incident in a news lead without being its victim (同社, 県警, 地裁…). */
    reporterNotVictim: namedRegex,
    /** What follows the name a regulator acts on in its lead (…ツーリストに行政指導を行った). */
    actedOnAfterName: namedRegex,
    /** A title's organisation that others pose as (…信用金庫を装ったSMS): the warning's own name. */
    impersonatedName: namedRegex,
    /** A headline word naming an organisation's staff (…市の元職員を逮捕): the organisation is the victim. */
    staffInTitle: namedRegex,
    /** A headline's quote that is someone's words, not a service's name (「小さな役場こそ狙われる」). */
    speechQuote: namedRegex,
    /** A lead where the police tell of an arrest (…県警は…を逮捕した): the police only report it. */
    policeReporting: namedRegex,
    /** What a regulator's lead says the target is or does before its name (…の指定管理者である). */
    roleBeforeName: namedRegex,
    /** A seat in brackets closing a name (…福祉会(かえで市)): not part of it. */
    seatAfterName: namedRegex,
  }),
});

/** Facts the kind rows may use that code computes rather than patterns. */
export const COMPUTED_KIND_FACTS = ['titleOpensWithOrganisation'] as const;

/** The schema, plus: every fact a row names is defined, and the last row decides always. */
export const classifierRulesSchema = baseRulesSchema.superRefine((rules, ctx) => {
  const defined = new Set<string>([
    ...rules.kind.evidence.map((e) => e.fact),
    ...COMPUTED_KIND_FACTS,
  ]);
  for (const name of factNamesOf(rules.kind.decisions)) {
    if (!defined.has(name))
      ctx.addIssue({
        code: 'custom',
        path: ['kind', 'decisions'],
        message: `a row uses the fact "${name}", which no evidence group defines`,
      });
  }
  rules.kind.evidence.forEach((group, i) => {
    const source = group.samePatternsAs;
    const ok = source
      ? rules.kind.evidence.some((g) => g.fact === source && g.patterns.length > 0)
      : group.patterns.length > 0;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['kind', 'evidence', i],
        message: source
          ? `samePatternsAs names "${source}", which has no patterns`
          : 'a group needs at least one pattern, or samePatternsAs',
      });
  });
  for (const problem of causeRowProblems(rules.causeRules.decisions, rules.causeRules.checks))
    ctx.addIssue({ code: 'custom', ...problem });
  const last = rules.kind.decisions.at(-1);
  if (last && [...last.when.all, ...last.when.any, ...last.when.none].length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['kind', 'decisions', rules.kind.decisions.length - 1],
      message: 'the last row must have no conditions, so that every post gets a kind',
    });
});

/** Rules after validation: every pattern is a compiled RegExp. */
export type ClassifierRules = z.infer<typeof classifierRulesSchema>;
