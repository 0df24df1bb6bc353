/**
 * The classifier's rules as data (config/classifier.json): regular
 * expressions, weights, thresholds and the severity table, validated by zod
 * and compiled once. Tuning the classifier means editing that file.
 */
import { z } from 'zod';
import { CAUSES, DATA_TYPES, severitySchema, causeSchema, dataTypeSchema } from './vocabulary.js';

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

/** A regular-expression source that compiles; becomes a case-insensitive RegExp. */
const regex = z
  .string()
  .min(1)
  .refine(compiles, { message: 'expected a valid regular expression' })
  .transform((source) => new RegExp(source, 'i'));

const idRegex = z.object({ id: z.string().min(1), re: regex });
const weighted = idRegex.extend({ weight: z.number().positive().max(10) });

const causePatterns = z.object(
  Object.fromEntries(
    CAUSES.filter((c) => c !== 'other').map((c) => [c, z.array(weighted).min(1)]),
  ) as Record<Exclude<(typeof CAUSES)[number], 'other'>, z.ZodArray<typeof weighted>>,
);

export const classifierRulesSchema = z.object({
  version: z.string().min(1),
  text: z.object({ leadChars: z.number().int().positive() }),
  kind: z.object({
    seriesTag: regex,
    regulatoryTitle: z.array(idRegex),
    updateTitle: z.array(idRegex),
    updateLead: z.array(idRegex),
    security: regex,
    offTopicMaxSecurityHits: z.number().int().nonnegative(),
    incidentTitle: regex,
    threatIntelTitle: regex,
    impersonation: regex,
    leakClaim: regex,
  }),
  causes: causePatterns,
  causeRules: z.object({
    titleMultiplier: z.number().positive(),
    minScore: z.number().nonnegative(),
    supportScam: regex,
    softwareFlaw: regex,
    ransomwareEvent: regex,
    attackCauses: z.array(causeSchema),
    errorCauses: z.array(causeSchema),
    secondaryMinScore: z.number().nonnegative(),
    negatedAfter: regex,
    softwareDefect: regex,
    quoted: regex,
  }),
  dataTypes: z.object(
    Object.fromEntries(DATA_TYPES.map((d) => [d, regex])) as Record<
      (typeof DATA_TYPES)[number],
      typeof regex
    >,
  ),
  dataContext: z.object({
    leak: regex,
    negation: regex,
    listLineMaxChars: z.number().int().positive(),
    headingLookback: z.number().int().nonnegative(),
    exclude: regex,
    excludeLookback: z.number().int().nonnegative(),
  }),
  counts: z.object({
    strongUnits: z.array(z.string().min(1)).min(1),
    weakUnits: z.array(z.string().min(1)),
    recordUnits: z.array(z.string().min(1)),
    totalPrefix: regex,
    includedAfter: regex,
    excludedAfter: regex,
    partOfBefore: regex,
    relevance: regex,
    recordBefore: regex,
    spamContext: regex,
    breakdown: regex,
    groupNouns: regex,
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
    sensitiveText: regex,
    noLeakConclusion: regex,
    conclusionQualifier: regex,
    provisional: regex,
    positiveLeak: regex,
    encryptedData: regex,
    encryptionAppliesTo: z.array(causeSchema),
    personalDataLeak: regex,
    internalIntrusion: regex,
    cardContext: regex,
    takeoverNotice: regex,
    websiteOnly: regex,
    outage: regex,
    ransomwareOutage: regex,
    outageNegated: regex,
    precaution: regex,
    degraded: regex,
    spamSent: regex,
    spamMass: regex,
    noticeCauses: z.array(causeSchema),
  }),
  facts: z.object({
    titleDate: regex,
    titleDateExcluded: regex,
    titleDateExcludedAfter: regex,
    orgSuffixes: regex,
    orgEndings: regex,
    regulatoryTarget: regex,
  }),
});

/** Rules after validation: every pattern is a compiled RegExp. */
export type ClassifierRules = z.infer<typeof classifierRulesSchema>;
